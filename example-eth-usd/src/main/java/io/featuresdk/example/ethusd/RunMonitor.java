package io.featuresdk.example.ethusd;

import io.featuresdk.runtime.store.local.view.StorePageServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * What a run shows while it runs: the Flink Web UI of a {@code java -jar} run (its embedded
 * cluster, configured here), the progress line and, with {@code --ui}, the local store's page.
 */
final class RunMonitor implements AutoCloseable {
  private final MonitorOptions options;
  private final Path localStore;
  private final PrintStream out;
  private ProgressPrinter progress;
  private StorePageServer page;
  private boolean jobEnded;

  private RunMonitor(MonitorOptions options, Path localStore, PrintStream out) {
    this.options = options;
    this.localStore = localStore;
    this.out = out;
  }

  /**
   * Starts the store page if asked for.
   *
   * @param localStore the local store's directory, or null when the run writes elsewhere
   */
  static RunMonitor start(MonitorOptions options, Path localStore, PrintStream out) {
    RunMonitor monitor = new RunMonitor(options, localStore, out);
    if (options.ui()) {
      if (localStore == null) {
        throw new IllegalArgumentException("--ui shows the local store: it cannot go with --kafka or --hopsworks");
      }
      monitor.page = StorePageServer.start(localStore, options.uiPort());
      out.printf("Store page: %s (read-only)%n", monitor.page.uri());
    }
    return monitor;
  }

  /**
   * The environment to run the job in. For a {@code java -jar} run, an embedded cluster with the
   * Web UI on the chosen port and the progress line's metric reporter; under {@code flink run}, the
   * cluster's, unchanged (the progress line then stays off: the metrics live on the cluster).
   */
  StreamExecutionEnvironment environment() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    if (!(env instanceof LocalStreamEnvironment)) {
      return env;
    }
    int port = WebUiPort.choose(options.webUiPort());
    Configuration configuration = new Configuration();
    configuration.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    configuration.set(RestOptions.ADDRESS, "127.0.0.1");
    configuration.set(RestOptions.BIND_PORT, Integer.toString(port));
    configuration.setString(
        "metrics.reporter.progress.factory.class", ProgressMetrics.Factory.class.getName());
    out.printf("Flink Web UI: http://127.0.0.1:%d/ (job graph, back pressure, checkpoints, metrics;"
        + " --web-ui-port to change)%n", port);
    if (!options.quiet()) {
      progress = ProgressPrinter.start(out, System.console() != null && out == System.out);
    }
    return StreamExecutionEnvironment.createLocalEnvironment(configuration);
  }

  /** Stops the progress line, printing it a last time, before the run prints its summary. */
  void jobEnded() {
    jobEnded = true;
    stopProgress(true);
  }

  /** After a bounded run with {@code --ui}: keeps the page up until Ctrl-C ends the JVM. */
  void keepServingUntilStopped() throws InterruptedException {
    if (page != null && jobEnded) {
      out.printf("%nThe store page keeps serving at %s; Ctrl-C stops it%n", page.uri());
      out.flush();
      new CountDownLatch(1).await();
    }
  }

  /** Stops everything; after a failed job without a last progress line, which would be stale. */
  @Override
  public void close() {
    stopProgress(false);
    if (page != null) {
      page.close();
    }
  }

  private void stopProgress(boolean printLast) {
    if (progress != null) {
      progress.stop(printLast);
      progress = null;
    }
  }
}
