package io.featuresdk.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.testing.ClickFeatureGroup;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickOracle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sliced operator's {@link RowKind#EMPTY} rows against a brute-force oracle over the raw
 * events: random window sets, keys that go quiet and come back, disorder and stragglers behind the
 * watermark, on the heap (with and without two stacks) and RocksDB, and across a restore.
 */
class EmptyWindowRowsPropertyTest {
  private static long emptyRowsSeen;
  private static long lateSeen;

  @AfterAll
  static void theScenariosExercisedEmptyRowsAndLateEvents() {
    assertTrue(emptyRowsSeen > 100, "empty rows were checked: " + emptyRowsSeen);
    assertTrue(lateSeen > 0, "some events were late");
  }

  private static ClickFeatureGroup group(ArrivalScenario scenario) {
    return new ClickFeatureGroup("clicks_{window}", Duration.ZERO, true, scenario.windowArray());
  }

  /** Rows of one kind by id; fails on a window emitted twice. */
  private static Map<String, ClickFeatures> once(List<ClickFeatures> rows) {
    Map<String, ClickFeatures> byId = new TreeMap<>();
    for (ClickFeatures row : rows) {
      assertEquals(null, byId.put(ClickOracle.id(row), row), "emitted twice: " + ClickOracle.id(row));
    }
    return byId;
  }

  @RepeatedTest(40)
  void emptyRowsAreThoseTheOracleFindsAndQuietKeysKeepNoState(RepetitionInfo repetition) throws Exception {
    int seed = repetition.getCurrentRepetition();
    ArrivalScenario scenario = ArrivalScenario.random(new Random(31_337L * seed));
    ClickFeatureGroup group = group(scenario);
    var operator = WindowHarnesses.slicedWithEmptyRows(group, scenario.windows(), 1 + seed % 3);
    long[] watermarks = scenario.watermarksAtArrival();
    boolean heap = seed % 3 != 0;
    try (var harness = WindowHarnesses.harness(group, operator, heap ? "heap" : "rocksdb")) {
      harness.open();
      scenario.feed(harness, 0, scenario.events().size(), 0);
      harness.processWatermark(Long.MAX_VALUE);
      var got = ArrivalScenario.emitted(harness, scenario.windows());
      for (WindowSpec window : scenario.windows()) {
        Map<String, ClickFeatures> oracle = ClickOracle.rowsInArrivalOrder(scenario.events(), watermarks, window);
        Map<String, ClickFeatures> emitted = once(got.get(window).get(RowKind.COMPLETE));
        emitted.putAll(once(got.get(window).get(RowKind.TRUNCATED)));
        assertEquals(oracle.keySet(), emitted.keySet(), window + ": rows of windows with events");
        oracle.forEach((id, row) -> assertEquals(row.count, emitted.get(id).count, id + " count"));
        Set<String> wantEmpty = ClickOracle.emptyRowIds(oracle, window, scenario.lastRealWatermark());
        Map<String, ClickFeatures> empty = once(got.get(window).get(RowKind.EMPTY));
        assertEquals(wantEmpty, empty.keySet(), window + ": empty rows");
        for (ClickFeatures row : empty.values()) {
          assertEquals(0, row.count, "an empty row counts nothing");
        }
        emptyRowsSeen += empty.size();
      }
      if (heap) { // the RocksDB harness cannot count entries
        // only the fired horizon and the first window ends are left per key: nothing of EmptyWindowRows
        long keys = scenario.events().stream().map(e -> e.user).distinct().count();
        assertEquals(2 * keys, harness.numKeyedStateEntries(), "state left after every key went quiet");
      }
    }
    lateSeen += operator.lateEventCount();
  }

  @RepeatedTest(10)
  void withoutTheOptionNoEmptyRowIsEmitted(RepetitionInfo repetition) throws Exception {
    ArrivalScenario scenario = ArrivalScenario.random(new Random(31_337L * repetition.getCurrentRepetition()));
    ClickFeatureGroup group = group(scenario);
    try (var harness = WindowHarnesses.harness(group, WindowHarnesses.sliced(group, scenario.windows()))) {
      harness.open();
      scenario.feed(harness, 0, scenario.events().size(), 0);
      harness.processWatermark(Long.MAX_VALUE);
      ArrivalScenario.emitted(harness, scenario.windows())
          .forEach((window, byKind) -> assertEquals(List.of(), byKind.get(RowKind.EMPTY), window.toString()));
    }
  }

  static Stream<Arguments> restores() {
    return IntStream.rangeClosed(1, 16).mapToObj(seed -> Arguments.of(seed, seed % 2 == 0 ? "rocksdb" : "heap"));
  }

  /**
   * A checkpoint at a random event, a failure at a later one (rows since the checkpoint are rolled
   * back), then a restore with the source replaying from the checkpoint and its watermark starting
   * from the minimum: the committed rows of every kind, empty rows included, are the
   * uninterrupted run's, each once.
   */
  @ParameterizedTest(name = "seed {0}, {1}")
  @MethodSource("restores")
  void aRestoreEmitsEachEmptyRowOnce(int seed, String backend) throws Exception {
    Random random = new Random(104_723L * seed);
    ArrivalScenario scenario = ArrivalScenario.random(random);
    List<WindowSpec> windows = scenario.windows();
    ClickFeatureGroup group = group(scenario);
    int n = scenario.events().size();
    int checkpointAt = random.nextInt(n + 1);
    int failAt = checkpointAt + random.nextInt(n - checkpointAt + 1);

    Map<WindowSpec, Map<RowKind, List<ClickFeatures>>> want;
    try (var harness = WindowHarnesses.harness(group, WindowHarnesses.slicedWithEmptyRows(group, windows, 1), backend)) {
      harness.open();
      scenario.feed(harness, 0, n, 0);
      harness.processWatermark(Long.MAX_VALUE);
      want = ArrivalScenario.emitted(harness, windows);
    }

    Map<WindowSpec, Map<RowKind, List<ClickFeatures>>> committed;
    OperatorSubtaskState checkpoint;
    try (var harness = WindowHarnesses.harness(group, WindowHarnesses.slicedWithEmptyRows(group, windows, 1), backend)) {
      harness.open();
      scenario.feed(harness, 0, checkpointAt, 0);
      checkpoint = harness.snapshot(1, 1);
      committed = ArrivalScenario.emitted(harness, windows);
      scenario.feed(harness, checkpointAt, failAt, 0);
    }
    try (var harness = WindowHarnesses.harness(group, WindowHarnesses.slicedWithEmptyRows(group, windows, 1), backend)) {
      harness.initializeState(checkpoint);
      harness.open();
      scenario.feed(harness, checkpointAt, n, checkpointAt);
      harness.processWatermark(Long.MAX_VALUE);
      ArrivalScenario.emitted(harness, windows)
          .forEach((window, byKind) -> byKind.forEach((kind, rows) -> committed.get(window).get(kind).addAll(rows)));
    }
    String what = "checkpoint at " + checkpointAt + ", failure at " + failAt + " of " + n;
    for (WindowSpec window : windows) {
      for (RowKind kind : List.of(RowKind.COMPLETE, RowKind.TRUNCATED, RowKind.EMPTY)) {
        assertEquals(
            once(want.get(window).get(kind)).keySet(),
            once(committed.get(window).get(kind)).keySet(),
            what + ": " + window + " " + kind);
      }
      emptyRowsSeen += want.get(window).get(RowKind.EMPTY).size();
    }
  }
}
