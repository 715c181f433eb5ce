package io.featuresdk.example.ethusd;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.apache.flink.metrics.HistogramStatistics;

/**
 * How long events took from their arrival to visibility in the online store, from the local online
 * sink's {@code onlineFreshnessMillis} histogram of one group (see the root README, "Freshness
 * metric"). Percentiles of several subtasks cannot be merged exactly, so a group with several
 * writers reports the worst of each figure.
 *
 * @param p50Millis the median lag
 * @param p99Millis the 99th percentile
 * @param maxMillis the largest lag
 * @param rows the rows measured
 */
record OnlineFreshness(long p50Millis, long p99Millis, long maxMillis, long rows) {
  /** The name of the histogram the local online sink reports. */
  static final String METRIC = "onlineFreshnessMillis";

  static OnlineFreshness of(HistogramStatistics statistics) {
    return new OnlineFreshness(
        Math.round(statistics.getQuantile(0.5)),
        Math.round(statistics.getQuantile(0.99)),
        statistics.getMax(),
        statistics.size());
  }

  /** The worse of each figure of this and {@code other} (another subtask of the same group). */
  OnlineFreshness worst(OnlineFreshness other) {
    return new OnlineFreshness(
        Math.max(p50Millis, other.p50Millis),
        Math.max(p99Millis, other.p99Millis),
        Math.max(maxMillis, other.maxMillis),
        rows + other.rows);
  }

  String describe() {
    return String.format(
        Locale.ROOT, "p50 %,d ms, p99 %,d ms, max %,d ms", p50Millis, p99Millis, maxMillis);
  }

  /**
   * The summary lines, one per group that measured a row, or a line saying why there is none;
   * empty when no online writer reported (a cluster started by {@code flink run} has its own
   * reporters).
   */
  static Optional<String> summary(Map<String, OnlineFreshness> perGroup) {
    if (perGroup.isEmpty()) {
      return Optional.empty();
    }
    StringJoiner lines =
        new StringJoiner(
            System.lineSeparator(),
            "Online freshness (event arrival to visible in the online store, per row):"
                + System.lineSeparator(),
            "");
    perGroup.forEach((group, freshness) -> {
      if (freshness.rows() > 0) {
        lines.add(String.format(Locale.ROOT, "  %s: %s (last %,d rows)",
            group, freshness.describe(), freshness.rows()));
      }
    });
    return Optional.of(
        perGroup.values().stream().anyMatch(freshness -> freshness.rows() > 0)
            ? lines.toString()
            : "Online freshness: no provisional row reached the online store (the run was too short)");
  }
}
