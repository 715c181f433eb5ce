package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.flink.metrics.HistogramStatistics;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.junit.jupiter.api.Test;

/** The progress line from operator metrics as Flink names them, and how it is printed. */
class ProgressLineTest {
  private static final long NOW = 1_800_000_000_000L;

  private static ProgressMetrics.Registered metric(String operator, String subtask, String name, Object value) {
    return new ProgressMetrics.Registered(operator, subtask, name, () -> value);
  }

  @Test
  void sumsSubtasksTakesTheSmallestWatermarkAndShortensGroupNames() {
    List<ProgressMetrics.Registered> metrics = List.of(
        metric("Source: coinbase ticker", "0", "numRecordsOut", 1_000L),
        metric("Source: coinbase ticker", "1", "numRecordsOut", 500L),
        metric("Source: coinbase ticker", "0", "currentOutputWatermark", NOW - 90_000),
        metric("Source: coinbase ticker", "1", "currentOutputWatermark", NOW - 95_000),
        metric("Source: coinbase ticker", "0", "currentEmitEventTimeLag", 60_000L),
        metric("Source: coinbase ticker", "0", "reconnects", 2L),
        metric("eth_usd_price_5m offline: Writer", "0", "numRecordsIn", 7L),
        metric("eth_usd_price_5m offline: Writer", "1", "numRecordsIn", 5L),
        metric("eth_usd_price_1h offline: Writer", "0", "numRecordsIn", 3L),
        metric("eth_usd_price_1h online: Writer", "0", "numRecordsIn", 99L),
        metric("eth_usd_price_1h online: Writer", "0", "onlineFreshnessMillis", lags(10, 250)),
        metric("eth_usd_price_1h online: Writer", "1", "onlineFreshnessMillis", lags(10, 400)),
        metric("eth_usd_price_5m online: Writer", "0", "onlineFreshnessMillis", lags(5, 300)),
        metric("eth_usd_price_{window} windows", "0", "lateEvents", 4L),
        metric("eth_usd_price_{window} windows", "0", "numRecordsOut", 123L));
    ProgressSnapshot before = new ProgressSnapshot(NOW - 5_000, 500, OptionalLong.empty(),
        OptionalLong.empty(), Map.of(), 0, 0, Map.of());

    String line = ProgressLine.format(ProgressSnapshot.of(metrics, NOW), before);

    // 1,000 events in 5 s; the newest event 60 s ago, the watermark 95 s ago: 35 s behind
    assertEquals("events 1,500 (200/s) | watermark " + Instant.ofEpochMilli(NOW - 95_000)
        + ", 35 s behind the newest event | rows 1h 3, 5m 12 | online p99 400 ms | late 4 | reconnects 2",
        line);
  }

  /** {@code count} samples of {@code millis} each, so every percentile is {@code millis}. */
  private static HistogramStatistics lags(int count, long millis) {
    DescriptiveStatisticsHistogram histogram = new DescriptiveStatisticsHistogram(100);
    for (int i = 0; i < count; i++) {
      histogram.update(millis);
    }
    return histogram.getStatistics();
  }

  @Test
  void theSummaryShowsEachGroupsFreshnessAndTheWorstOfItsWriters() {
    ProgressSnapshot end = ProgressSnapshot.of(List.of(
        metric("eth_usd_price_1h online: Writer", "0", "onlineFreshnessMillis", lags(10, 250)),
        metric("eth_usd_price_1h online: Writer", "1", "onlineFreshnessMillis", lags(10, 400)),
        metric("eth_usd_price_5m online: Writer", "0", "onlineFreshnessMillis", lags(0, 0))), NOW);

    assertEquals(
        String.join(System.lineSeparator(),
            "Online freshness (event arrival to visible in the online store, per row):",
            "  eth_usd_price_1h: p50 400 ms, p99 400 ms, max 400 ms (last 20 rows)"),
        OnlineFreshness.summary(end.freshnessPerGroup()).orElseThrow());
    assertTrue(OnlineFreshness.summary(Map.of()).isEmpty(), "no online writer reported");
    assertTrue(
        OnlineFreshness.summary(Map.of("g", new OnlineFreshness(0, 0, 0, 0))).orElseThrow()
            .contains("no provisional row"));
  }

  @Test
  void beforeTheFirstWatermarkAndAtTheEndOfABoundedInput() {
    ProgressSnapshot start = ProgressSnapshot.of(List.of(
        metric("Source: coinbase ticker", "0", "currentOutputWatermark", Long.MIN_VALUE)), NOW);
    ProgressSnapshot end = ProgressSnapshot.of(List.of(
        metric("Source: coinbase ticker", "0", "currentOutputWatermark", Long.MAX_VALUE)), NOW + 1);

    assertTrue(ProgressLine.format(start, start).contains("| watermark none yet |"));
    assertTrue(ProgressLine.format(end, start).contains("| watermark end of input |"));
  }

  @Test
  void onATerminalTheLineIsRewrittenInPlacePipedItIsPlainLines() {
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    ByteArrayOutputStream piped = new ByteArrayOutputStream();

    ProgressPrinter.start(new PrintStream(terminal, true, StandardCharsets.UTF_8), true).stop(true);
    ProgressPrinter.start(new PrintStream(piped, true, StandardCharsets.UTF_8), false).stop(true);

    String rewritten = terminal.toString(StandardCharsets.UTF_8);
    String plain = piped.toString(StandardCharsets.UTF_8);
    assertTrue(rewritten.startsWith("\r\033[Kprogress: events "), rewritten);
    assertTrue(rewritten.endsWith("\n"), "the shell prompt starts on a new line");
    assertTrue(plain.startsWith("progress: events "), plain);
    assertTrue(plain.endsWith("\n") && !plain.contains("\r") && !plain.contains("\033"), plain);
  }
}
