package io.featuresdk.example.ethusd;

import io.featuresdk.runtime.FeaturePipeline;
import io.featuresdk.runtime.source.recording.RecordingOptions;
import io.featuresdk.runtime.source.websocket.WebSocketSource;
import io.featuresdk.runtime.store.FeatureStore;
import java.net.URI;
import java.time.Duration;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The ETH-USD feature pipeline: Coinbase ticker messages over WebSocket, {@link PriceFeatures}
 * over 5, 10 and 60 minute windows, written to the embedded local feature store.
 *
 * <p>By default it reads an in-process offline feed that serves hours of generated
 * Coinbase-format ticker messages from localhost, then ends and prints what it wrote; with
 * {@code --live} it reads Coinbase's public feed until cancelled; {@code --record DIR} tees the raw
 * messages into DIR and {@code --replay DIR} backfills from such recordings. Run with {@code java -jar} for
 * the embedded Flink MiniCluster, or submit the same jar with {@code flink run}.
 */
public final class EthUsdFeaturePipeline {
  /** How often offline rows are committed; each checkpoint also flushes the online store. */
  static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

  private EthUsdFeaturePipeline() {}

  public static void main(String[] args) throws Exception {
    PipelineOptions options;
    StoreChoice storeChoice;
    try {
      storeChoice = StoreChoice.parse(args);
      options = PipelineOptions.parse(storeChoice.remaining().toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(PipelineOptions.USAGE + "\n" + StoreChoice.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(PipelineOptions.USAGE + "\n" + StoreChoice.USAGE);
      return;
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    FeatureStore store = storeChoice.store(options.store());
    if (options.replay() != null) {
      System.out.printf("Replaying the recordings in %s%n", options.replay());
      run(env, CoinbaseFeed.replay(options.replay(), options.products()), store);
    } else if (options.live()) {
      run(env, websocket(CoinbaseFeed.LIVE_URI, Boundedness.CONTINUOUS_UNBOUNDED, options), store);
      return;
    } else {
      try (OfflineCoinbaseFeed feed =
          OfflineCoinbaseFeed.start(TickerGenerator.defaults().withSpan(options.offlineSpan()))) {
        System.out.printf(
            "Offline Coinbase feed on %s: %s of generated ticker messages for %s%n",
            feed.uri(), options.offlineSpan(), options.products());
        run(env, websocket(feed.uri(), Boundedness.BOUNDED, options), store);
      }
    }
    if (storeChoice.local()) {
      StoreSummary.print(options.store(), System.out);
    }
  }

  /** The Coinbase WebSocket source, recording into {@code --record} if given. */
  static WebSocketSource<Ticker> websocket(
      URI uri, Boundedness boundedness, PipelineOptions options) {
    WebSocketSource.Builder<Ticker> builder =
        CoinbaseFeed.builder(uri, options.products(), boundedness);
    if (options.record() != null) {
      builder.record(
          RecordingOptions.in(options.record())
              .prefix("coinbase")
              .rotateEvery(Duration.ofHours(1))
              .gzip(true));
      System.out.printf("Recording the raw messages into %s%n", options.record());
    }
    return builder.build();
  }

  private static void run(
      StreamExecutionEnvironment env, Source<Ticker, ?, ?> ticker, FeatureStore store)
      throws Exception {
    define(env, ticker, store);
    env.execute("ETH-USD price features");
  }

  /**
   * Adds the feature pipeline to {@code env}: ticker source, {@link PriceFeatures} in every
   * window, rows into {@code store}. Offline rows are committed on checkpoints.
   */
  public static void define(
      StreamExecutionEnvironment env, Source<Ticker, ?, ?> ticker, FeatureStore store) {
    env.enableCheckpointing(CHECKPOINT_INTERVAL.toMillis(), CheckpointingMode.EXACTLY_ONCE);
    FeaturePipeline.of(PriceFeatures_FeatureGroup.instance())
        .fromSource(env, ticker, "coinbase ticker")
        .insertStream(store);
  }
}
