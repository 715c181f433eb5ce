package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.spi.FeatureGroupInfo;
import io.featuresdk.runtime.spi.WindowSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a {@code java -jar} run shows while it runs: the Flink Web UI at the printed address, the
 * progress line with counts equal to what the offline feed served and the brute-force oracle's rows,
 * and the store page with {@code --ui}.
 */
class RunMonitorITCase {
  private static final Pattern WEB_UI = Pattern.compile("Flink Web UI: (http://127\\.0\\.0\\.1:\\d+/)");
  private static final Pattern STORE_PAGE = Pattern.compile("Store page: (http://127\\.0\\.0\\.1:\\d+/)");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** Holds the job of the Web UI test until the test has looked at the UI. */
  private static final CountDownLatch LOOKED = new CountDownLatch(1);

  @TempDir Path store;

  private record Outcome(int status, String out, String err) {}

  private static Outcome example(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = EthUsdFeaturePipeline.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theLastProgressLineCountsEveryEventServedAndEveryRowOfTheOracle() {
    Outcome run = example("--hours", "1", "--store", store.toString(), "--web-ui-port", "0");

    assertEquals(0, run.status(), run.err());
    assertTrue(WEB_UI.matcher(run.out()).find(), run.out());
    List<String> progress = run.out().lines().filter(line -> line.startsWith("progress: ")).toList();
    assertFalse(progress.isEmpty(), run.out());
    String last = progress.get(progress.size() - 1);
    TickerGenerator generator = TickerGenerator.defaults().withSpan(Duration.ofHours(1));
    List<BruteForceOracle.Event> served =
        BruteForceOracle.inArrivalOrder(generator.generate(List.of("ETH-USD")));
    assertTrue(last.startsWith(String.format(Locale.ROOT, "progress: events %,d (", served.size())), last);
    FeatureGroupInfo info = PriceFeatures_FeatureGroup.instance().info();
    for (WindowSpec window : info.windows()) {
      int rows = BruteForceOracle.rows(served, window.sizeMillis(), window.slideMillis()).size();
      String suffix = info.groupName(window).substring("eth_usd_price_".length());
      assertTrue(last.contains(String.format(Locale.ROOT, " %s %,d", suffix, rows)), suffix + ": " + last);
    }
    assertTrue(last.contains("| watermark end of input |"), last);
    assertTrue(last.endsWith("| late 0 | reconnects 0"), last);
    assertTrue(run.out().contains("Online freshness"), "the summary reports freshness: " + run.out());
  }

  @Test
  void quietPrintsNoProgressLine() {
    Outcome run = example("--hours", "1", "--store", store.toString(), "--web-ui-port", "0", "--quiet");

    assertEquals(0, run.status(), run.err());
    assertFalse(run.out().contains("progress: "), run.out());
    assertTrue(run.out().contains("Late events"), run.out());
  }

  @Test
  void theFlinkWebUiAnswersAtThePrintedAddressWhileTheJobRuns() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MonitorOptions options = new MonitorOptions(true, 0, false, 0, List.of());
    try (RunMonitor monitor = RunMonitor.start(options, store, new PrintStream(out, true, StandardCharsets.UTF_8))) {
      StreamExecutionEnvironment env = monitor.environment();
      env.fromSequence(1, 1).map(RunMonitorITCase::afterTheLook).sinkTo(new DiscardingSink<>());
      JobClient job = env.executeAsync("held until the test looked at the Web UI");
      try {
        Matcher address = WEB_UI.matcher(out.toString(StandardCharsets.UTF_8));
        assertTrue(address.find(), out.toString(StandardCharsets.UTF_8));

        HttpResponse<String> page = get(address.group(1));
        HttpResponse<String> jobs = get(address.group(1) + "jobs/overview");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Apache Flink Web Dashboard"), "flink-runtime-web's page: " + page.body());
        assertTrue(jobs.body().contains(job.getJobID().toString()), jobs.body());
      } finally {
        LOOKED.countDown();
      }
      job.getJobExecutionResult().get();
    }
  }

  @Test
  void uiServesTheStorePage() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MonitorOptions options = new MonitorOptions(true, 0, true, 0, List.of());
    try (RunMonitor monitor = RunMonitor.start(options, store, new PrintStream(out, true, StandardCharsets.UTF_8))) {
      Matcher address = STORE_PAGE.matcher(out.toString(StandardCharsets.UTF_8));
      assertTrue(address.find(), out.toString(StandardCharsets.UTF_8));

      HttpResponse<String> page = get(address.group(1));

      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("<title>Feature store</title>"), page.body());
    }
  }

  private static long afterTheLook(long value) throws InterruptedException {
    LOOKED.await();
    return value;
  }

  private static HttpResponse<String> get(String uri) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
