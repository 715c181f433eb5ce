package io.featuresdk.runtime.testing;

import io.featuresdk.runtime.spi.WindowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
