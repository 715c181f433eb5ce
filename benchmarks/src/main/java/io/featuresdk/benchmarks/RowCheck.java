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
    for (ResultRow row : actual) {
      if (byId.put(row.id(), row) != null) {
        problems.add("emitted twice: " + row.id());
      }
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
