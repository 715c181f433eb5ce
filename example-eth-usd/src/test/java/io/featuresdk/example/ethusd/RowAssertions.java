package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Compares {@link PriceFeatures} rows with the {@link BruteForceOracle}'s expectation. */
final class RowAssertions {
  private static final double RELATIVE_TOLERANCE = 1e-9;

  private RowAssertions() {}

  static Map<String, PriceFeatures> byKeyAndEnd(Iterable<PriceFeatures> rows) {
    Map<String, PriceFeatures> byKey = new TreeMap<>();
    for (PriceFeatures row : rows) {
      String id = row.getTicker() + "@" + row.getTimestamp().toEpochMilli();
      if (byKey.put(id, row) != null) {
        fail("more than one row for " + id);
      }
    }
    return byKey;
  }

  /** Same (key, window end) set; exact counts, min, max, first, last; sums within 1e-9. */
  static void assertMatches(
      String group, Map<String, BruteForceOracle.Row> expected, Map<String, PriceFeatures> actual) {
    assertEquals(
        new TreeSet<>(expected.keySet()), new TreeSet<>(actual.keySet()),
        group + ": (key, window end) pairs");
    for (Map.Entry<String, BruteForceOracle.Row> entry : expected.entrySet()) {
      assertRow(group + " " + entry.getKey(), entry.getValue(), actual.get(entry.getKey()));
    }
  }

  static void assertRow(String where, BruteForceOracle.Row expected, PriceFeatures actual) {
    assertEquals(expected.key(), actual.getTicker(), where + " ticker");
    assertEquals(expected.windowEndMillis(), actual.getTimestamp().toEpochMilli(), where + " end");
    assertEquals(expected.count(), actual.getTrades(), where + " trades");
    assertEquals(expected.min(), actual.getPriceMin(), 0.0, where + " price_min");
    assertEquals(expected.max(), actual.getPriceMax(), 0.0, where + " price_max");
    assertEquals(expected.first(), actual.getPriceOpen(), 0.0, where + " price_open");
    assertEquals(expected.last(), actual.getPriceClose(), 0.0, where + " price_close");
    assertClose(expected.avg(), actual.getPriceAvg(), where + " price_avg");
    assertClose(expected.sizeSum(), actual.getVolume(), where + " volume");
    assertClose(expected.notional(), actual.getNotional(), where + " notional");
    assertClose(expected.vwap(), actual.getVwap(), where + " vwap");
    assertClose(expected.priceStdDev(), actual.getPriceStdDev(), where + " price_std_dev");
  }

  private static void assertClose(Double expected, Double actual, String what) {
    if (expected == null || actual == null) {
      assertEquals(expected, actual, what);
      return;
    }
    assertClose((double) expected, (double) actual, what);
  }

  private static void assertClose(double expected, double actual, String what) {
    assertEquals(expected, actual, Math.abs(expected) * RELATIVE_TOLERANCE, what);
  }
}
