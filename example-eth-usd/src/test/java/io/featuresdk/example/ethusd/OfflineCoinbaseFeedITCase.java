package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.source.websocket.WebSocketSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Coinbase client ({@link CoinbaseFeed}) against the {@link OfflineCoinbaseFeed} in MiniCluster jobs. */
class OfflineCoinbaseFeedITCase {

  private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setConfiguration(REPORTER.addToConfiguration(new Configuration()))
          .setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(2)
          .build());

  @Test
  void deliversExactlyTheGeneratedTickersOfTheDefaultSixHourFeed() throws Exception {
    List<String> products = List.of("ETH-USD");
    try (OfflineCoinbaseFeed feed = OfflineCoinbaseFeed.start()) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1); // metric identifiers are unique per job only with one subtask
      DataStream<Ticker> ticks = env.fromSource(
          CoinbaseFeed.source(feed.uri(), products, Boundedness.BOUNDED), WatermarkStrategy.noWatermarks(), "coinbase");
      List<Ticker> received = new ArrayList<>();
      JobID jobId;
      try (CloseableIterator<Ticker> results = ticks.collectAsync()) {
        JobClient job = env.executeAsync("offline coinbase");
        jobId = job.getJobID();
        results.forEachRemaining(received::add);
        job.getJobExecutionResult().get();
      }
      List<Ticker> expected = TickerGenerator.defaults().generate(products);
      assertEquals(expected.size(), received.size());
      assertEquals(expected, received);
      assertEquals(1, counter(jobId, "coinbase.subscriptionAcks"));
      assertEquals(1, counter(jobId, "coinbase.tickersWithoutTrade"), "the snapshot ticker on subscribe");
      assertEquals(secondsAfterTheFirstTrade(expected), counter(jobId, "coinbase.heartbeats"),
          "one heartbeat per second of the feed's clock");
      assertEquals(0, counter(jobId, "lostMessages"));
      assertEquals(0, counter(jobId, "duplicates"));
      assertEquals(0, REPORTER.getMetricsByIdentifiers(jobId).keySet().stream()
          .filter(name -> name.contains(".parseErrors.")).count(), "no malformed messages");
    }
  }

  @Test
  void deliversEveryProductOfAMultiProductSubscriptionUnderBackPressure() throws Exception {
    List<String> products = List.of("ETH-USD", "BTC-USD");
    TickerGenerator generator = TickerGenerator.defaults().withSpan(Duration.ofMinutes(30));
    try (OfflineCoinbaseFeed feed = OfflineCoinbaseFeed.start(generator)) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2); // one reader gets the connection, the other finishes at once
      // a tiny hand-off queue keeps the client pausing and the server waiting for writability all the time
      WebSocketSource<Ticker> source = CoinbaseFeed.builder(feed.uri(), products)
          .boundedness(Boundedness.BOUNDED)
          .queueCapacity(4)
          .build();
      List<Ticker> received = env.fromSource(source, WatermarkStrategy.noWatermarks(), "coinbase")
          .executeAndCollect(1_000_000);
      assertEquals(generator.generate(products), received);
    }
  }

  @Test
  void anInvalidProductGetsAnErrorAndTheValidOnesAreStillStreamed() throws Exception {
    TickerGenerator generator = TickerGenerator.defaults().withSpan(Duration.ofMinutes(10));
    try (OfflineCoinbaseFeed feed = OfflineCoinbaseFeed.start(generator)) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      List<Ticker> received = env.fromSource(
              CoinbaseFeed.source(feed.uri(), List.of("ETH-USD", "GIBBERISH-USD"), Boundedness.BOUNDED),
              WatermarkStrategy.noWatermarks(), "coinbase")
          .executeAndCollect(1_000_000);
      assertEquals(generator.generate(List.of("ETH-USD")), received);
    }
  }

  @Test
  void onlyInvalidProductsFailTheJobWithCoinbasesReason() throws Exception {
    try (OfflineCoinbaseFeed feed = OfflineCoinbaseFeed.start()) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      DataStream<Ticker> ticks = env.fromSource(
          CoinbaseFeed.source(feed.uri(), List.of("GIBBERISH-USD"), Boundedness.BOUNDED),
          WatermarkStrategy.noWatermarks(), "coinbase");
      Exception failure = assertThrows(Exception.class, () -> ticks.executeAndCollect(10));
      assertTrue(ExceptionUtils.findThrowableWithMessage(failure,
              "Failed to subscribe: GIBBERISH-USD is not a valid product").isPresent(),
          () -> ExceptionUtils.stringifyException(failure));
      assertTrue(ExceptionUtils.findThrowable(failure,
              io.featuresdk.runtime.source.websocket.FatalMessageException.class).isPresent(),
          "classified as fatal");
    }
  }

  /** Whole seconds the feed's clock (the latest event time sent) advanced past the first trade's second. */
  private static long secondsAfterTheFirstTrade(List<Ticker> served) {
    long first = served.get(0).getTime().getEpochSecond();
    long latest = first;
    for (Ticker t : served) {
      latest = Math.max(latest, t.getTime().getEpochSecond());
    }
    return latest - first;
  }

  private static long counter(JobID jobId, String suffix) {
    Map<String, Metric> metrics = REPORTER.getMetricsByIdentifiers(jobId);
    List<Metric> matches = new ArrayList<>();
    metrics.forEach((name, metric) -> {
      if (name.endsWith("." + suffix)) {
        matches.add(metric);
      }
    });
    assertEquals(1, matches.size(), () -> suffix + " in " + metrics.keySet());
    return ((Counter) matches.get(0)).getCount();
  }
}
