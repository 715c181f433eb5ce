package io.featuresdk.example.ethusd;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.flink.metrics.HistogramStatistics;

/**
 * The run's progress at one moment, from the operator metrics of {@link ProgressMetrics}: summed
 * over subtasks, the watermark as the smallest of the sources' (what the windows wait for).
 *
 * @param atMillis when it was taken (wall clock)
 * @param eventsRead records the sources emitted ({@code numRecordsOut} of the {@code Source:}
 *     operators)
 * @param watermark the sources' watermark, epoch ms, if any
 * @param newestEvent the event time of the newest record a source emitted, epoch ms, if known
 *     (FLIP-33's {@code currentEmitEventTimeLag} taken back from the wall clock)
 * @param rowsPerGroup rows the windows emitted per group, counted where they enter the group's
 *     offline writer (the local store's {@code <group> offline: Writer} operators), which keeps
 *     the complete windows among them; by group name
 * @param lateEvents events dropped as late ({@code lateEvents} of the window operators)
 * @param reconnects WebSocket re-opens ({@code reconnects} of the sources)
 * @param freshnessPerGroup arrival-to-visible lag of the local online store's rows ({@code
 *     onlineFreshnessMillis} of the {@code <group> online: Writer} operators); by group name
 */
record ProgressSnapshot(
    long atMillis,
    long eventsRead,
    OptionalLong watermark,
    OptionalLong newestEvent,
    Map<String, Long> rowsPerGroup,
    long lateEvents,
    long reconnects,
    Map<String, OnlineFreshness> freshnessPerGroup) {

  private static final String SOURCE = "Source: ";
  private static final String OFFLINE_WRITER = " offline: Writer";
  private static final String ONLINE_WRITER = " online: Writer";

  static ProgressSnapshot of(Collection<ProgressMetrics.Registered> metrics, long nowMillis) {
    long events = 0;
    long late = 0;
    long reconnects = 0;
    OptionalLong watermark = OptionalLong.empty();
    OptionalLong newest = OptionalLong.empty();
    Map<String, Long> rows = new TreeMap<>();
    Map<String, OnlineFreshness> freshness = new TreeMap<>();
    for (ProgressMetrics.Registered metric : metrics) {
      long value = number(metric.value().read());
      boolean source = metric.operator().startsWith(SOURCE);
      switch (metric.name()) {
        case "numRecordsOut" -> events += source ? value : 0;
        case "numRecordsIn" -> {
          if (metric.operator().endsWith(OFFLINE_WRITER)) {
            String group = metric.operator().substring(0, metric.operator().length() - OFFLINE_WRITER.length());
            rows.merge(group, value, Long::sum);
          }
        }
        case "currentOutputWatermark" -> {
          // Long.MIN_VALUE until the first watermark
          if (source && value > Long.MIN_VALUE) {
            watermark = OptionalLong.of(watermark.isPresent() ? Math.min(watermark.getAsLong(), value) : value);
          }
        }
        case "currentEmitEventTimeLag" -> {
          // FLIP-33 reports an undefined lag as a negative or huge number
          if (source && value >= 0 && value < nowMillis) {
            long event = nowMillis - value;
            newest = OptionalLong.of(newest.isPresent() ? Math.max(newest.getAsLong(), event) : event);
          }
        }
        case OnlineFreshness.METRIC -> {
          if (metric.operator().endsWith(ONLINE_WRITER)
              && metric.value().read() instanceof HistogramStatistics statistics) {
            String group = metric.operator().substring(0, metric.operator().length() - ONLINE_WRITER.length());
            freshness.merge(group, OnlineFreshness.of(statistics), OnlineFreshness::worst);
          }
        }
        case "lateEvents" -> late += value;
        case "reconnects" -> reconnects += source ? value : 0;
        default -> { }
      }
    }
    return new ProgressSnapshot(nowMillis, events, watermark, newest, rows, late, reconnects, freshness);
  }

  private static long number(Object value) {
    return value instanceof Number number ? number.longValue() : 0;
  }
}
