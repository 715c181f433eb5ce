package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.source.recording.RecordingOptions;
import io.featuresdk.runtime.store.FeatureStores;
import io.featuresdk.runtime.store.local.LocalFeatureStoreReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record once, replay twice: the Coinbase source tees what it reads; the recording then feeds the
 * {@link CoinbaseFeed#replay replay source} (a bounded backfill through the same pipeline) and the
 * {@link OfflineCoinbaseFeed#serving offline feed} (the same client over WebSocket), and both yield exactly the
 * tickers of the recorded session.
 */
class RecordAndReplayITCase {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final List<String> PRODUCTS = List.of("ETH-USD", "BTC-USD");
  private static final TickerGenerator GENERATOR = TickerGenerator.defaults().withSpan(Duration.ofMinutes(20));

  @TempDir Path recordings;

  @Test
  void aRecordedSessionReplaysToTheSameTickersAndFeatures(@TempDir Path liveStore, @TempDir Path replayStore)
      throws Exception {
    record(recordings);
    try (Stream<Path> files = Files.list(recordings)) {
      assertTrue(files.anyMatch(f -> f.getFileName().toString().matches("coinbase-.*\\.jsonl\\.gz")));
    }
    List<Ticker> expected = GENERATOR.generate(PRODUCTS);

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    List<Ticker> replayed = env.fromSource(CoinbaseFeed.replay(recordings), WatermarkStrategy.noWatermarks(),
        "replay").executeAndCollect(1_000_000);
    assertEquals(expected, replayed);

    try (OfflineCoinbaseFeed feed = OfflineCoinbaseFeed.serving(recordings)) {
      StreamExecutionEnvironment served = StreamExecutionEnvironment.getExecutionEnvironment();
      served.setParallelism(1);
      List<Ticker> overWebSocket = served.fromSource(
          CoinbaseFeed.source(feed.uri(), List.of("BTC-USD"), Boundedness.BOUNDED),
          WatermarkStrategy.noWatermarks(), "served recording").executeAndCollect(1_000_000);
      assertEquals(GENERATOR.generate(PRODUCTS).stream().filter(t -> t.getProductId().equals("BTC-USD")).toList(),
          overWebSocket, "only the subscribed product is served");
    }
  }

  @Test
  void aBackfillFromTheRecordingWritesTheSameFeatureRowsAsTheLiveRun(@TempDir Path liveStore,
      @TempDir Path replayStore) throws Exception {
    try (OfflineCoinbaseFeed feed = OfflineCoinbaseFeed.start(GENERATOR)) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      EthUsdFeaturePipeline.define(env, CoinbaseFeed.builder(feed.uri(), PRODUCTS)
          .boundedness(Boundedness.BOUNDED)
          .record(RecordingOptions.in(recordings).gzip(true))
          .build(), GENERATOR, FeatureStores.local(liveStore));
      env.execute("live");
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    // the recording holds the generator's range: told so, the backfill's complete windows are the
    // live run's, whatever the watermarks of either run
    EthUsdFeaturePipeline.define(
        env, CoinbaseFeed.replay(recordings), GENERATOR, FeatureStores.local(replayStore));
    env.execute("backfill");

    try (LocalFeatureStoreReader live = LocalFeatureStoreReader.open(liveStore);
        LocalFeatureStoreReader backfill = LocalFeatureStoreReader.open(replayStore)) {
      assertEquals(live.groups(), backfill.groups());
      assertEquals(3, live.groups().size());
      int compared = 0;
      for (io.featuresdk.runtime.store.FeatureGroupTarget group : live.groups()) {
        // the 1 h group has no window inside the 20 min range, so no complete row in either run
        List<String> liveRows = sorted(live.readOffline(group.name(), group.version()));
        assertEquals(liveRows, sorted(backfill.readOffline(group.name(), group.version())), group.name());
        compared += liveRows.size();
      }
      assertTrue(compared > 0, "the runs wrote complete rows to compare");
    }
  }

  @Test
  void servingAnEmptyDirectoryExplainsHowToRecord(@TempDir Path empty) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OfflineCoinbaseFeed.serving(empty));
    assertTrue(e.getMessage().contains("--record"), e.getMessage());
  }

  private static void record(Path into) throws Exception {
    try (OfflineCoinbaseFeed feed = OfflineCoinbaseFeed.start(GENERATOR)) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      env.fromSource(CoinbaseFeed.builder(feed.uri(), PRODUCTS)
              .boundedness(Boundedness.BOUNDED)
              .record(RecordingOptions.in(into).prefix("coinbase").rotateAtBytes(256 * 1024).gzip(true))
              .build(), WatermarkStrategy.noWatermarks(), "record")
          .executeAndCollect(1_000_000);
    }
  }

  private static List<String> sorted(List<?> rows) {
    return rows.stream().map(String::valueOf).sorted().toList();
  }
}
