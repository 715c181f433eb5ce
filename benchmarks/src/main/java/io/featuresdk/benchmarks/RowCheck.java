package io.featuresdk.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compares two variants' rows: the same windows, keys and ends, and the same values. */
final class RowCheck {
  private RowCheck() {}

  /** The differences, at most {@code limit}; empty when the rows agree. */
  static List<String> differences(List<ResultRow> expected, List<ResultRow> actual, int limit) {
    List<String> problems = new ArrayList<>();
    Map<String, ResultRow> byId = new HashMap<>();
    int repeated = 0;
    String firstRepeated = null;
    for (ResultRow row : actual) {
      if (byId.put(row.id(), row) != null) {
        repeated++;
        firstRepeated = firstRepeated == null ? row.id() : firstRepeated;
      }
    }
    if (repeated > 0) {
      problems.add(repeated + " rows repeat an earlier row's window, first " + firstRepeated);
    }
    if (expected.size() != actual.size()) {
      problems.add(actual.size() + " rows, expected " + expected.size());
    }
    for (ResultRow want : expected) {
      if (problems.size() >= limit) {
        break;
      }
      ResultRow got = byId.get(want.id());
      if (got == null) {
        problems.add("missing " + want);
      } else if (!want.sameAs(got)) {
        problems.add("expected " + want + " got " + got);
      }
    }
    return problems;
  }
}
