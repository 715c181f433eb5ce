package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.spi.FeatureGroupInfo;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.FeatureStores;
import io.featuresdk.runtime.store.local.LocalFeatureStoreReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example end to end: the Coinbase WebSocket client reads the offline feed on localhost, the
 * generated pipeline computes every window, and what the local feature store returns, offline and
 * online, equals the brute-force oracle over the exact events the feed served.
 */
class EthUsdFeaturePipelineITCase {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final List<String> PRODUCTS = List.of("ETH-USD", "BTC-USD");

  @Test
  void featuresReadBackFromTheLocalStoreEqualTheOracle(@TempDir Path store) throws Exception {
    TickerGenerator generator = TickerGenerator.defaults().withSpan(Duration.ofHours(3));
    try (OfflineCoinbaseFeed feed = OfflineCoinbaseFeed.start(generator)) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      EthUsdFeaturePipeline.define(
          env,
          CoinbaseFeed.source(feed.uri(), PRODUCTS, Boundedness.BOUNDED),
          generator,
          FeatureStores.local(store));
      env.execute("ETH-USD end to end");
    }

    List<BruteForceOracle.Event> served =
        BruteForceOracle.inArrivalOrder(generator.generate(PRODUCTS));
    FeatureGroupInfo info = PriceFeatures_FeatureGroup.instance().info();
    try (LocalFeatureStoreReader reader = LocalFeatureStoreReader.open(store)) {
      assertEquals(info.windows().size(), reader.groups().size(), "one group per window");
      for (WindowSpec window : info.windows()) {
        String group = info.groupName(window);
        Map<String, BruteForceOracle.Row> expected =
            BruteForceOracle.rows(served, window.sizeMillis(), window.slideMillis());
        Map<String, BruteForceOracle.Row> complete =
            BruteForceOracle.inside(
                expected,
                window.sizeMillis(),
                generator.start().toEpochMilli(),
                generator.start().plus(generator.span()).toEpochMilli());
        assertTrue(
            complete.size() < expected.size() || window.sizeMillis() == window.slideMillis(),
            group + ": the leading windows of a sliding window are truncated");

        // offline: the complete windows only; online: the latest row, truncated or not
        List<PriceFeatures> offline =
            reader.readOffline(group, info.version(), PriceFeatures_FeatureGroup.instance().codec());
        RowAssertions.assertMatches(group, complete, RowAssertions.byKeyAndEnd(offline));

        Map<String, GenericRecord> online = reader.readOnline(group, info.version());
        assertEquals(latestPerKey(expected), endsOf(online), group + ": online row per key");
      }
    }
  }

  private static Map<String, Long> latestPerKey(Map<String, BruteForceOracle.Row> rows) {
    Map<String, Long> latest = new HashMap<>();
    rows.values().forEach(row -> latest.merge(row.key(), row.windowEndMillis(), Math::max));
    return latest;
  }

  /** The window end of each online row; Avro stores it in microseconds. */
  private static Map<String, Long> endsOf(Map<String, GenericRecord> online) {
    Map<String, Long> ends = new HashMap<>();
    online.forEach((key, row) -> ends.put(key, (Long) row.get("timestamp") / 1_000));
    return ends;
  }
}
