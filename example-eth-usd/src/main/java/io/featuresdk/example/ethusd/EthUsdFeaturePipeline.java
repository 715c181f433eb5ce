package io.featuresdk.example.ethusd;

import io.featuresdk.runtime.FeaturePipeline;
import io.featuresdk.runtime.recovery.BoundedRestarts;
import io.featuresdk.runtime.recovery.DurableCheckpoints;
import io.featuresdk.runtime.recovery.FailureClassifier;
import io.featuresdk.runtime.source.websocket.FatalMessageException;
import io.featuresdk.runtime.window.LateEvents;
import io.featuresdk.runtime.source.recording.RecordingOptions;
import io.featuresdk.runtime.source.websocket.WebSocketSource;
import io.featuresdk.runtime.store.FeatureStore;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.runtime.client.JobExecutionException;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
  /**
   * How often offline rows are committed by default ({@code --checkpoint-interval}); each checkpoint
   * also flushes the online store.
   */
  static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(EthUsdFeaturePipeline.class);

  private EthUsdFeaturePipeline() {}

  /**
   * Runs the example; exits with status 1 and one line naming the cause and the flag to change when
   * the command line is wrong or the job fails (see {@link #run}).
   */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the example with {@code args}, printing progress to {@code out} and a failure as one line
   * on {@code err}; returns the exit status: 0 when the job finished (or was only asked for help),
   * 1 when the options were invalid, a pre-flight check failed or the job failed.
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    PipelineOptions options;
    StoreChoice storeChoice;
    MonitorOptions monitor;
    try {
      storeChoice = StoreChoice.parse(args);
      monitor = MonitorOptions.parse(storeChoice.remaining());
      options = PipelineOptions.parse(monitor.remaining().toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage() + " (--help lists the options)");
      return 1;
    }
    if (options.help()) {
      out.println(PipelineOptions.USAGE + "\n" + StoreChoice.USAGE + "\n" + MonitorOptions.USAGE);
      return 0;
    }
    try {
      Preflight.check(options, storeChoice);
      execute(options, storeChoice, monitor, out);
      return 0;
    } catch (Exception | LinkageError e) {
      LOG.debug("The run failed", e);
      err.println("error: " + describe(e));
      return 1;
    }
  }

  private static void execute(
      PipelineOptions options, StoreChoice storeChoice, MonitorOptions monitorOptions, PrintStream out)
      throws Exception {
    DurableCheckpoints checkpoints = DurableCheckpoints.in(options.checkpoints());
    if (options.fresh()) {
      checkpoints = checkpoints.startFresh();
      out.printf("Starting fresh (--fresh): the checkpoints kept in %s are deleted%n", checkpoints.directory());
    } else {
      checkpoints.resumePoint().ifPresentOrElse(
          checkpoint -> out.printf(
              "Resuming from checkpoint %d, taken %s, in %s (--fresh starts over)%n",
              checkpoint.id(), checkpoint.completedAt(), checkpoint.path()),
          () -> out.printf(
              "Checkpoints go to %s: if this run stops early, the same command resumes it%n",
              options.checkpoints().toAbsolutePath()));
    }
    out.println("Transient failures restart the job: " + BoundedRestarts.defaults());
    try (RunMonitor monitor =
        RunMonitor.start(monitorOptions, storeChoice.local() ? options.store() : null, out)) {
      runJob(options, storeChoice, checkpoints, monitor, out);
      monitor.keepServingUntilStopped();
    }
  }

  private static void runJob(PipelineOptions options, StoreChoice storeChoice,
      DurableCheckpoints checkpoints, RunMonitor monitor, PrintStream out) throws Exception {
    StreamExecutionEnvironment env = monitor.environment();
    env.enableCheckpointing(options.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    FeatureStore store = storeChoice.store(options.store());
    JobExecutionResult result;
    if (options.replay() != null) {
      out.printf("Replaying the recordings in %s%n", options.replay());
      // a replay's range is only known after reading it: completeness is inferred
      result =
          run(env, CoinbaseFeed.replay(options.replay(), options.products()), null, store, checkpoints);
    } else if (options.live()) {
      run(
          env,
          websocket(CoinbaseFeed.LIVE_URI, Boundedness.CONTINUOUS_UNBOUNDED, options, out),
          null,
          store,
          checkpoints);
      return;
    } else {
      TickerGenerator generator = TickerGenerator.defaults().withSpan(options.offlineSpan());
      try (OfflineCoinbaseFeed feed = OfflineCoinbaseFeed.start(generator)) {
        out.printf(
            "Offline Coinbase feed on %s: %s of generated ticker messages for %s%n",
            feed.uri(), options.offlineSpan(), options.products());
        result =
            run(
                env,
                websocket(feed.uri(), Boundedness.BOUNDED, options, out),
                generator,
                store,
                checkpoints);
      }
    }
    if (!result.isJobExecutionResult()) {
      return; // `flink run --detached`: the job is still running, nothing to summarize yet
    }
    monitor.jobEnded();
    out.printf(
        "%nLate events (dropped because all their windows had fired): %d%n", LateEvents.in(result));
    if (storeChoice.local()) {
      OnlineFreshness.summary(
              ProgressSnapshot.of(ProgressMetrics.current(), System.currentTimeMillis())
                  .freshnessPerGroup())
          .ifPresent(out::println);
      StoreSummary.print(options.store(), out);
    }
  }

  /** The one line for a failed run: the cause, and whether Flink's restarts were used up. */
  static String describe(Throwable failure) {
    String cause = FailureClassifier.oneLine(failure);
    boolean jobFailed = ExceptionUtils.findThrowable(failure, JobExecutionException.class).isPresent();
    if (jobFailed && !FailureClassifier.isFatal(failure)) {
      return "the job failed after its restarts were used up (" + BoundedRestarts.defaults() + "): " + cause;
    }
    if (ExceptionUtils.findThrowable(failure, FatalMessageException.class).isPresent()) {
      return cause + "; check --products";
    }
    return cause;
  }

  /** The Coinbase WebSocket source, recording into {@code --record} if given. */
  static WebSocketSource<Ticker> websocket(
      URI uri, Boundedness boundedness, PipelineOptions options, PrintStream out) {
    WebSocketSource.Builder<Ticker> builder =
        CoinbaseFeed.builder(uri, options.products(), boundedness);
    if (options.record() != null) {
      builder.record(
          RecordingOptions.in(options.record())
              .prefix("coinbase")
              .rotateEvery(Duration.ofHours(1))
              .gzip(true));
      out.printf("Recording the raw messages into %s%n", options.record());
    }
    return builder.build();
  }

  private static JobExecutionResult run(
      StreamExecutionEnvironment env,
      Source<Ticker, ?, ?> ticker,
      TickerGenerator generated,
      FeatureStore store,
      DurableCheckpoints checkpoints)
      throws Exception {
    define(env, ticker, generated, store, checkpoints);
    return env.execute("ETH-USD price features");
  }

  /**
   * Adds the feature pipeline to {@code env}: ticker source, {@link PriceFeatures} in every
   * window, rows into {@code store}. Offline rows are committed on checkpoints; which windows are
   * complete, and so written offline, is inferred (see {@code FeaturePipeline.withInputCoverage}).
   */
  public static void define(
      StreamExecutionEnvironment env, Source<Ticker, ?, ?> ticker, FeatureStore store) {
    env.enableCheckpointing(CHECKPOINT_INTERVAL.toMillis(), CheckpointingMode.EXACTLY_ONCE);
    pipeline(null).fromSource(env, ticker, "coinbase ticker").insertStream(store);
  }

  /**
   * As {@link #define(StreamExecutionEnvironment, Source, FeatureStore)} for a source serving
   * every ticker {@code generated} makes (an {@link OfflineCoinbaseFeed}): the offline rows are
   * then exactly the windows inside its event-time range, whatever the watermarks.
   */
  public static void define(
      StreamExecutionEnvironment env,
      Source<Ticker, ?, ?> ticker,
      TickerGenerator generated,
      FeatureStore store) {
    env.enableCheckpointing(CHECKPOINT_INTERVAL.toMillis(), CheckpointingMode.EXACTLY_ONCE);
    pipeline(generated).fromSource(env, ticker, "coinbase ticker").insertStream(store);
  }

  /**
   * As {@link #define(StreamExecutionEnvironment, Source, TickerGenerator, FeatureStore)} on an
   * environment with checkpointing enabled, with checkpoints kept in {@code checkpoints} (resuming
   * from the latest one there) and bounded restarts.
   *
   * @param generated the generator whose tickers the source serves, or {@code null} for another
   *     source (completeness is then inferred)
   */
  public static void define(
      StreamExecutionEnvironment env,
      Source<Ticker, ?, ?> ticker,
      TickerGenerator generated,
      FeatureStore store,
      DurableCheckpoints checkpoints) {
    pipeline(generated)
        .withDurableCheckpoints(checkpoints)
        .fromSource(env, ticker, "coinbase ticker")
        .insertStream(store);
  }

  /** The price features pipeline, told the generator's event-time range if there is one. */
  private static FeaturePipeline<Ticker, PriceFeatures> pipeline(TickerGenerator generated) {
    FeaturePipeline<Ticker, PriceFeatures> pipeline =
        FeaturePipeline.of(PriceFeatures_FeatureGroup.instance());
    return generated == null
        ? pipeline
        : pipeline.withInputCoverage(generated.start(), generated.start().plus(generated.span()));
  }
}
