package io.featuresdk.example.ethusd;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The progress line, e.g.
 * {@code events 1,204,311 (98,220/s) | watermark 2026-11-23T03:12:40Z, 30 s behind the newest event
 * | rows 10m 187, 1h 137, 5m 192 | online p99 412 ms | late 0 | reconnects 0}.
 * Group names are shortened to what differs between them. The lag is in event time: a backfill that
 * reads hours of events per second shows minutes between periodic watermarks. The online p99 is
 * the worst group's arrival-to-visible lag ({@link OnlineFreshness}), shown once rows were measured.
 */
final class ProgressLine {
  private ProgressLine() {}

  /** The line for {@code now}; the rate is over the time since {@code previous}. */
  static String format(ProgressSnapshot now, ProgressSnapshot previous) {
    StringJoiner line = new StringJoiner(" | ");
    double seconds = (now.atMillis() - previous.atMillis()) / 1000.0;
    long rate = seconds > 0 ? Math.round((now.eventsRead() - previous.eventsRead()) / seconds) : 0;
    line.add(String.format(Locale.ROOT, "events %,d (%,d/s)", now.eventsRead(), rate));
    if (now.watermark().isEmpty()) {
      line.add("watermark none yet");
    } else if (now.watermark().getAsLong() == Long.MAX_VALUE) {
      line.add("watermark end of input"); // a bounded source's last watermark
    } else {
      String watermark = "watermark " + Instant.ofEpochMilli(now.watermark().getAsLong());
      if (now.newestEvent().isPresent()) {
        long lag = Math.max(0, now.newestEvent().getAsLong() - now.watermark().getAsLong());
        watermark += ", " + duration(Duration.ofMillis(lag)) + " behind the newest event";
      }
      line.add(watermark);
    }
    if (!now.rowsPerGroup().isEmpty()) {
      String prefix = commonPrefix(now.rowsPerGroup());
      StringJoiner rows = new StringJoiner(", ", "rows ", "");
      now.rowsPerGroup().forEach((group, count) ->
          rows.add(String.format(Locale.ROOT, "%s %,d", group.substring(prefix.length()), count)));
      line.add(rows.toString());
    }
    now.freshnessPerGroup().values().stream()
        .filter(freshness -> freshness.rows() > 0)
        .mapToLong(OnlineFreshness::p99Millis)
        .max()
        .ifPresent(p99 -> line.add(String.format(Locale.ROOT, "online p99 %,d ms", p99)));
    line.add("late " + now.lateEvents());
    line.add("reconnects " + now.reconnects());
    return line.toString();
  }

  private static String duration(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 120) {
      return seconds + " s";
    }
    return seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
  }

  /** What all group names start with, up to a '_', so that one group keeps its last word. */
  private static String commonPrefix(Map<String, Long> groups) {
    String first = groups.keySet().iterator().next();
    int length = first.length();
    for (String group : groups.keySet()) {
      int i = 0;
      while (i < Math.min(length, group.length()) && group.charAt(i) == first.charAt(i)) {
        i++;
      }
      length = i;
    }
    int cut = first.lastIndexOf('_', Math.min(length, first.length() - 1));
    return cut < 0 ? "" : first.substring(0, cut + 1);
  }
}
