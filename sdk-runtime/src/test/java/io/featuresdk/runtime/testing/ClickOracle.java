package io.featuresdk.runtime.testing;

import io.featuresdk.runtime.spi.WindowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The expected rows, computed by brute force and independently of Flink: for every aligned window
 * end that can contain an event, filter the events in {@code [end - size, end)} and aggregate them
 * directly.
 */
public final class ClickOracle {
  private ClickOracle() {}

  /** Expected rows keyed by {@code user@windowEnd}. */
  public static Map<String, ClickFeatures> rows(List<Click> events, WindowSpec window) {
    long size = window.sizeMillis();
    long slide = window.slideMillis();
    long minTime = events.stream().mapToLong(e -> e.timeMillis).min().orElseThrow();
    long maxTime = events.stream().mapToLong(e -> e.timeMillis).max().orElseThrow();
    Map<String, ClickFeatures> rows = new TreeMap<>();
    for (long end = Math.floorDiv(minTime, slide) * slide; end <= maxTime + size; end += slide) {
      Map<String, List<Click>> byUser = new TreeMap<>();
      for (Click event : events) {
        if (event.timeMillis >= end - size && event.timeMillis < end) {
          byUser.computeIfAbsent(event.user, u -> new ArrayList<>()).add(event);
        }
      }
      for (Map.Entry<String, List<Click>> entry : byUser.entrySet()) {
        ClickFeatures row = new ClickFeatures();
        row.user = entry.getKey();
        row.windowEnd = end;
        row.count = entry.getValue().size();
        row.sum = entry.getValue().stream().mapToDouble(e -> e.amount).sum();
        row.min = entry.getValue().stream().mapToDouble(e -> e.amount).min().orElseThrow();
        row.max = entry.getValue().stream().mapToDouble(e -> e.amount).max().orElseThrow();
        rows.put(id(row), row);
      }
    }
    return rows;
  }

  /**
   * The rows of {@code window} for events arriving in list order, {@code watermarkAt[i]} being the
   * watermark when event {@code i} arrived: an event counts in each window containing it that had
   * not fired then ({@code end - 1 > watermark}), and in no other (the engines' late-event rule).
   */
  public static Map<String, ClickFeatures> rowsInArrivalOrder(
      List<Click> events, long[] watermarkAt, WindowSpec window) {
    return rowsInArrivalOrder(events, watermarkAt, window, 0);
  }

  /**
   * As {@link #rowsInArrivalOrder(List, long[], WindowSpec)} with an allowed lateness: an event
   * counts in each window containing it that ended less than {@code latenessMillis} before the
   * watermark at its arrival ({@code end - 1 + lateness > watermark}); the rows are the last
   * emitted per window, with all of them.
   */
  public static Map<String, ClickFeatures> rowsInArrivalOrder(
      List<Click> events, long[] watermarkAt, WindowSpec window, long latenessMillis) {
    Map<String, List<Click>> byWindow = new TreeMap<>();
    forEachCount(events, watermarkAt, window, latenessMillis,
        (i, id, end) -> byWindow.computeIfAbsent(id, k -> new ArrayList<>()).add(events.get(i)));
    Map<String, ClickFeatures> rows = new TreeMap<>();
    byWindow.forEach(
        (id, clicks) -> {
          ClickFeatures row = new ClickFeatures();
          row.user = clicks.get(0).user;
          row.windowEnd = Long.parseLong(id.substring(id.lastIndexOf('@') + 1));
          row.count = clicks.size();
          row.sum = clicks.stream().mapToDouble(e -> e.amount).sum();
          row.min = clicks.stream().mapToDouble(e -> e.amount).min().orElseThrow();
          row.max = clicks.stream().mapToDouble(e -> e.amount).max().orElseThrow();
          rows.put(id, row);
        });
    return rows;
  }

  /**
   * How often each window ({@code user@end}) is emitted with an allowed lateness: once when it
   * fires if an event counted before (its end - 1 above the watermark at the event's arrival), and
   * again for each event counted after it fired (a corrected row).
   */
  public static Map<String, Integer> emissionsInArrivalOrder(
      List<Click> events, long[] watermarkAt, WindowSpec window, long latenessMillis) {
    Map<String, Integer> corrections = new TreeMap<>();
    Set<String> onTime = new TreeSet<>();
    forEachCount(events, watermarkAt, window, latenessMillis,
        (i, id, end) -> {
          if (end - 1 > watermarkAt[i]) {
            onTime.add(id);
          } else {
            corrections.merge(id, 1, Integer::sum);
          }
        });
    Map<String, Integer> emissions = new TreeMap<>(corrections);
    onTime.forEach(id -> emissions.merge(id, 1, Integer::sum));
    return emissions;
  }

  /** Whether event {@code i} counts in no window of any of {@code windows}: dropped as late. */
  public static boolean late(
      List<Click> events, long[] watermarkAt, int i, List<WindowSpec> windows, long latenessMillis) {
    for (WindowSpec window : windows) {
      long slide = window.slideMillis();
      long time = events.get(i).timeMillis;
      long lastEnd = Math.floorDiv(time + window.sizeMillis(), slide) * slide;
      if (lastEnd - 1 + latenessMillis > watermarkAt[i]) {
        return false;
      }
    }
    return true;
  }

  private interface Count {
    void counted(int event, String windowId, long end);
  }

  private static void forEachCount(
      List<Click> events, long[] watermarkAt, WindowSpec window, long latenessMillis, Count count) {
    long size = window.sizeMillis();
    long slide = window.slideMillis();
    for (int i = 0; i < events.size(); i++) {
      Click event = events.get(i);
      // the windows [end - size, end) holding the event: end aligned to the slide in (t, t + size]
      for (long end = Math.floorDiv(event.timeMillis, slide) * slide + slide;
          end <= event.timeMillis + size;
          end += slide) {
        if (end - 1 + latenessMillis > watermarkAt[i]) {
          count.counted(i, event.user + "@" + end, end);
        }
      }
    }
  }

  /**
   * The ids ({@code user@end}) of the empty rows due for {@code rows} of {@code window}: a user's
   * window without a row that directly follows one with a row, once a real watermark, at most
   * {@code lastRealWatermark}, passed its end.
   */
  public static Set<String> emptyRowIds(
      Map<String, ClickFeatures> rows, WindowSpec window, long lastRealWatermark) {
    Set<String> ids = new TreeSet<>();
    for (ClickFeatures row : rows.values()) {
      long next = row.windowEnd + window.slideMillis();
      String id = row.user + "@" + next;
      if (!rows.containsKey(id) && next - 1 <= lastRealWatermark) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * The rows of {@code window} whose window lies inside {@code [fromMillis, untilMillis)}: what a
   * run told it covers that range writes offline. Decided from the window bounds alone.
   */
  public static Map<String, ClickFeatures> inside(
      Map<String, ClickFeatures> rows, WindowSpec window, long fromMillis, long untilMillis) {
    Map<String, ClickFeatures> inside = new TreeMap<>();
    rows.forEach(
        (id, row) -> {
          if (row.windowEnd - window.sizeMillis() >= fromMillis && row.windowEnd <= untilMillis) {
            inside.put(id, row);
          }
        });
    return inside;
  }

  /** The expected online row per user: the one of the latest window. */
  public static Map<String, ClickFeatures> latestPerUser(Map<String, ClickFeatures> rows) {
    Map<String, ClickFeatures> latest = new TreeMap<>();
    for (ClickFeatures row : rows.values()) {
      latest.merge(row.user, row, (a, b) -> a.windowEnd >= b.windowEnd ? a : b);
    }
    return latest;
  }

  public static String id(ClickFeatures row) {
    return row.user + "@" + row.windowEnd;
  }
}
