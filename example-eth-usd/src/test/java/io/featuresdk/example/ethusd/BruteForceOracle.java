package io.featuresdk.example.ethusd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The expected feature rows of one window, computed the slowest obvious way: for every aligned
 * window end, scan every event. Shares no code with the SDK, so it can catch the SDK's bugs.
 */
final class BruteForceOracle {

  /** One source event as the oracle sees it; {@code arrival} orders events that share a time. */
  record Event(String key, long timeMillis, double price, double size, int arrival) {}

  /** The expected row of one key and window. */
  record Row(
      String key,
      long windowEndMillis,
      long count,
      double sum,
      double min,
      double max,
      double first,
      double last,
      double sizeSum,
      Double priceStdDev,
      double notional) {

    double avg() {
      return sum / count;
    }

    /** Notional over volume, null without volume: the example's VWAP. */
    Double vwap() {
      return sizeSum == 0 ? null : notional / sizeSum;
    }
  }

  private BruteForceOracle() {}

  static List<Event> inArrivalOrder(List<Ticker> tickers) {
    List<Event> events = new ArrayList<>(tickers.size());
    for (int i = 0; i < tickers.size(); i++) {
      Ticker t = tickers.get(i);
      events.add(
          new Event(t.getProductId(), t.getTime().toEpochMilli(), t.getPrice(), t.getLastSize(), i));
    }
    return events;
  }

  /** Expected rows keyed by "key@windowEnd", for windows {@code [end - size, end)} every slide. */
  static Map<String, Row> rows(List<Event> events, long sizeMillis, long slideMillis) {
    Map<String, Row> rows = new TreeMap<>();
    if (events.isEmpty()) {
      return rows;
    }
    long minTime = events.stream().mapToLong(Event::timeMillis).min().getAsLong();
    long maxTime = events.stream().mapToLong(Event::timeMillis).max().getAsLong();
    long firstEnd = Math.floorDiv(minTime, slideMillis) * slideMillis + slideMillis;
    for (long end = firstEnd; end - sizeMillis <= maxTime; end += slideMillis) {
      for (String key : events.stream().map(Event::key).distinct().sorted().toList()) {
        Row row = window(events, key, end - sizeMillis, end);
        if (row != null) {
          rows.put(key + "@" + end, row);
        }
      }
    }
    return rows;
  }

  /**
   * The rows whose window {@code [end - size, end)} lies inside {@code [fromMillis, untilMillis)}:
   * the complete windows of a run whose input covered exactly that range. Decided from the window
   * bounds alone.
   */
  static Map<String, Row> inside(
      Map<String, Row> rows, long sizeMillis, long fromMillis, long untilMillis) {
    Map<String, Row> inside = new TreeMap<>();
    rows.forEach(
        (id, row) -> {
          if (row.windowEndMillis() - sizeMillis >= fromMillis && row.windowEndMillis() <= untilMillis) {
            inside.put(id, row);
          }
        });
    return inside;
  }

  private static Row window(List<Event> events, String key, long start, long end) {
    long count = 0;
    double sum = 0;
    double sizeSum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    Event first = null;
    Event last = null;
    for (Event e : events) {
      if (!e.key().equals(key) || e.timeMillis() < start || e.timeMillis() >= end) {
        continue;
      }
      count++;
      sum += e.price();
      sizeSum += e.size();
      min = Math.min(min, e.price());
      max = Math.max(max, e.price());
      if (first == null || e.timeMillis() < first.timeMillis()) {
        first = e;
      }
      if (last == null || e.timeMillis() >= last.timeMillis()) {
        last = e;
      }
    }
    if (count == 0) {
      return null;
    }
    // sample standard deviation, two passes over the window's prices
    double mean = sum / count;
    double squares = 0;
    double notional = 0;
    for (Event e : events) {
      if (e.key().equals(key) && e.timeMillis() >= start && e.timeMillis() < end) {
        squares += (e.price() - mean) * (e.price() - mean);
        notional += e.price() * e.size();
      }
    }
    Double stdDev = count < 2 ? null : Math.sqrt(squares / (count - 1));
    return new Row(key, end, count, sum, min, max, first.price(), last.price(), sizeSum, stdDev,
        notional);
  }
}
