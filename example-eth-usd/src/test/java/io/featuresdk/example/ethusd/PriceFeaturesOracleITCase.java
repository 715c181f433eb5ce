package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.FeaturePipeline;
import io.featuresdk.runtime.FeatureStreams;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.window.RowKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The generated {@link PriceFeatures} aggregation, run by the runtime on a MiniCluster over random
 * out-of-order events of several products, equals the brute-force oracle in every window.
 */
class PriceFeaturesOracleITCase {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final List<String> PRODUCTS = List.of("ETH-USD", "BTC-USD", "SOL-USD");
  private static final long DISORDER_MILLIS = 25_000; // within the class's 30 s bound: none late

  @Test
  void everyWindowOfRandomOutOfOrderEventsMatchesTheOracleSplitIntoCompleteAndTruncated()
      throws Exception {
    List<Ticker> events = randomTickers(new SplittableRandom(42), 60_000);
    long from = events.stream().mapToLong(t -> t.getTime().toEpochMilli()).min().orElseThrow();
    long until = events.stream().mapToLong(t -> t.getTime().toEpochMilli()).max().orElseThrow() + 1;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    // One task per operator keeps arrival order from the list to the windows, so that equal
    // event times have one right first/last; the end-to-end test runs at parallelism 2.
    env.setParallelism(1);
    FeatureStreams<PriceFeatures> streams =
        FeaturePipeline.of(PriceFeatures_FeatureGroup.instance())
            .withInputCoverage(Instant.ofEpochMilli(from), Instant.ofEpochMilli(until))
            .from(env.fromData(events));
    Map<WindowSpec, Map<RowKind, CloseableIterator<PriceFeatures>>> results = new LinkedHashMap<>();
    for (WindowSpec window : streams.windows()) {
      Map<RowKind, CloseableIterator<PriceFeatures>> byKind = new EnumMap<>(RowKind.class);
      for (RowKind kind : List.of(RowKind.COMPLETE, RowKind.TRUNCATED)) {
        byKind.put(kind, streams.rows(window, kind).collectAsync());
      }
      results.put(window, byKind);
    }
    env.execute("PriceFeatures against the oracle");

    List<BruteForceOracle.Event> raw = BruteForceOracle.inArrivalOrder(events);
    for (Map.Entry<WindowSpec, Map<RowKind, CloseableIterator<PriceFeatures>>> result :
        results.entrySet()) {
      WindowSpec window = result.getKey();
      String group = streams.groupName(window);
      Map<String, BruteForceOracle.Row> expected =
          BruteForceOracle.rows(raw, window.sizeMillis(), window.slideMillis());
      assertTrue(expected.size() > 500, "the random stream covers many windows of every product");
      Map<String, BruteForceOracle.Row> complete =
          BruteForceOracle.inside(expected, window.sizeMillis(), from, until);
      Map<String, BruteForceOracle.Row> truncated = new TreeMap<>(expected);
      truncated.keySet().removeAll(complete.keySet());
      assertTrue(!truncated.isEmpty(), group + ": the leading windows are truncated");
      RowAssertions.assertMatches(
          group + " complete",
          complete,
          RowAssertions.byKeyAndEnd(collect(result.getValue().get(RowKind.COMPLETE))));
      RowAssertions.assertMatches(
          group + " truncated",
          truncated,
          RowAssertions.byKeyAndEnd(collect(result.getValue().get(RowKind.TRUNCATED))));
    }
  }

  private static List<PriceFeatures> collect(CloseableIterator<PriceFeatures> iterator)
      throws Exception {
    List<PriceFeatures> rows = new ArrayList<>();
    try (iterator) {
      iterator.forEachRemaining(rows::add);
    }
    return rows;
  }

  /**
   * Ticks 0 to 400 ms apart; one in ten is delayed by up to {@link #DISORDER_MILLIS}; one in
   * twenty repeats the previous time (when that stays within the bound), so first/last must break ties by arrival.
   */
  private static List<Ticker> randomTickers(SplittableRandom random, int count) {
    List<Ticker> tickers = new ArrayList<>(count);
    long now = Instant.parse("2026-11-23T00:00:00Z").toEpochMilli();
    long previous = now;
    for (int i = 0; i < count; i++) {
      now += random.nextInt(400);
      long time = now;
      if (random.nextInt(10) == 0) {
        time -= random.nextLong(DISORDER_MILLIS);
      } else if (random.nextInt(20) == 0) {
        time = Math.max(previous, now - DISORDER_MILLIS);
      }
      previous = time;
      Ticker ticker = new Ticker();
      ticker.setProductId(PRODUCTS.get(random.nextInt(PRODUCTS.size())));
      ticker.setTime(Instant.ofEpochMilli(time));
      ticker.setPrice(3000 + random.nextInt(100_000) / 100.0);
      ticker.setLastSize(random.nextInt(1, 5_000_000) / 1e6);
      ticker.setSequence(i);
      tickers.add(ticker);
    }
    return tickers;
  }
}
