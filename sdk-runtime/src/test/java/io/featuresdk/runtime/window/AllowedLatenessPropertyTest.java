package io.featuresdk.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.testing.ClickFeatureGroup;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickInput;
import io.featuresdk.runtime.testing.ClickOracle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Allowed lateness in the sliced operator against a brute-force oracle over the raw events in
 * arrival order: each window's last emitted row has exactly the events the lateness rule counts,
 * it is emitted once on time plus once per event that corrected it after it fired, events beyond
 * the lateness are counted late, expired slices are cleared, and a restore neither loses nor
 * repeats a correction. Random windows, keys, disorder and stragglers; heap, two stacks, RocksDB.
 */
class AllowedLatenessPropertyTest {
  private static final double RELATIVE_TOLERANCE = 1e-9;
  private static long correctionsSeen;
  private static long lateSeen;

  @AfterAll
  static void theScenariosExercisedCorrectionsAndLateEvents() {
    assertTrue(correctionsSeen > 100, "corrected rows were checked: " + correctionsSeen);
    assertTrue(lateSeen > 0, "some events were beyond the lateness");
  }

  private static ClickFeatureGroup group(ArrivalScenario scenario) {
    return new ClickFeatureGroup("clicks_{window}", Duration.ZERO, true, scenario.windowArray());
  }

  /** The final rows of a window (complete and truncated) in emission order. */
  private static List<ClickFeatures> finalRows(Map<RowKind, List<ClickFeatures>> byKind) {
    List<ClickFeatures> rows = new ArrayList<>(byKind.get(RowKind.COMPLETE));
    rows.addAll(byKind.get(RowKind.TRUNCATED));
    return rows;
  }

  @RepeatedTest(40)
  void lastRowsAndCorrectionsAreTheOraclesAndLateEventsTheOnesBeyondTheLateness(RepetitionInfo repetition)
      throws Exception {
    int seed = repetition.getCurrentRepetition();
    Random random = new Random(7_727L * seed);
    ArrivalScenario scenario = ArrivalScenario.random(random);
    long lateness = scenario.unit() * (1 + random.nextInt(10));
    ClickFeatureGroup group = group(scenario);
    var operator = WindowHarnesses.slicedWithLateness(group, scenario.windows(), 1 + seed % 3, lateness);
    long[] watermarks = scenario.watermarksAtArrival();
    boolean heap = seed % 3 != 0;
    try (var harness = WindowHarnesses.harness(group, operator, heap ? "heap" : "rocksdb")) {
      harness.open();
      scenario.feed(harness, 0, scenario.events().size(), 0);
      harness.processWatermark(Long.MAX_VALUE);
      var got = ArrivalScenario.emitted(harness, scenario.windows());
      for (WindowSpec window : scenario.windows()) {
        String what = window + " lateness " + lateness;
        List<ClickFeatures> rows = finalRows(got.get(window));
        Map<String, ClickFeatures> last = new TreeMap<>();
        Map<String, Integer> emissions = new TreeMap<>();
        for (ClickFeatures row : rows) {
          last.put(ClickOracle.id(row), row);
          emissions.merge(ClickOracle.id(row), 1, Integer::sum);
        }
        assertRowsEqual(what, ClickOracle.rowsInArrivalOrder(scenario.events(), watermarks, window, lateness), last);
        assertEquals(
            ClickOracle.emissionsInArrivalOrder(scenario.events(), watermarks, window, lateness),
            emissions,
            what + ": emissions per window (once on time, once per correction)");
        correctionsSeen += rows.size() - emissions.size();
      }
      if (heap) { // the RocksDB harness cannot count entries
        long keys = scenario.events().stream().map(e -> e.user).distinct().count();
        assertEquals(2 * keys, harness.numKeyedStateEntries(), "expired slices are cleared");
      }
    }
    long late =
        IntStream.range(0, scenario.events().size())
            .filter(i -> ClickOracle.late(scenario.events(), watermarks, i, scenario.windows(), lateness))
            .count();
    assertEquals(late, operator.lateEventCount(), "late events: behind every window by the lateness");
    lateSeen += late;
  }

  /**
   * With empty rows too: a window that fired empty after one with events emitted its empty row; a
   * straggler within the lateness then emits that window's corrected row (which replaces the empty
   * row online: same window end, later write), and corrections emit no further empty row.
   */
  @Test
  void aCorrectionOfAnEmptyWindowEmitsItsRowAndNoFurtherEmptyRow() throws Exception {
    WindowSpec tumbling = WindowSpec.tumbling(Duration.ofSeconds(10));
    ClickFeatureGroup group = new ClickFeatureGroup("clicks_{window}", Duration.ZERO, true, tumbling);
    var operator = WindowHarnesses.sliced(group, List.of(tumbling), 1, true, 15_000);
    try (var harness = WindowHarnesses.harness(group, operator)) {
      harness.open();
      harness.processElement(new StreamRecord<>(new ClickInput("a", 1), 1_000));
      harness.processElement(new StreamRecord<>(new ClickInput("b", 2), 1_000));
      harness.processWatermark(25_000); // a's and b's [0, 10s) fire, [10s, 20s) fires empty
      harness.processElement(new StreamRecord<>(new ClickInput("a", 3), 15_000)); // corrects [10s, 20s)
      harness.processWatermark(45_000);
      harness.processElement(new StreamRecord<>(new ClickInput("a", 4), 15_000)); // beyond: late
      harness.processWatermark(Long.MAX_VALUE);

      var rows = ArrivalScenario.emitted(harness, List.of(tumbling)).get(tumbling);
      assertEquals(List.of("a@10000#1", "a@20000#1", "b@10000#1"), describe(finalRows(rows)));
      assertEquals(List.of("a@20000#0", "b@20000#0"), describe(rows.get(RowKind.EMPTY)));
      assertEquals(1, operator.lateEventCount());
    }
  }

  static Stream<Arguments> restores() {
    return IntStream.rangeClosed(1, 16).mapToObj(seed -> Arguments.of(seed, seed % 2 == 0 ? "rocksdb" : "heap"));
  }

  /**
   * A checkpoint at a random event, a failure at a later one (rows since the checkpoint are rolled
   * back), then a restore with the source replaying from the checkpoint and its watermark starting
   * from the minimum: the committed rows, corrections included, are the uninterrupted run's, in
   * number and content.
   */
  @ParameterizedTest(name = "seed {0}, {1}")
  @MethodSource("restores")
  void aRestoreNeitherLosesNorRepeatsACorrection(int seed, String backend) throws Exception {
    Random random = new Random(86_243L * seed);
    ArrivalScenario scenario = ArrivalScenario.random(random);
    long lateness = scenario.unit() * (1 + random.nextInt(10));
    List<WindowSpec> windows = scenario.windows();
    ClickFeatureGroup group = group(scenario);
    int n = scenario.events().size();
    int checkpointAt = random.nextInt(n + 1);
    int failAt = checkpointAt + random.nextInt(n - checkpointAt + 1);

    var uninterrupted = WindowHarnesses.slicedWithLateness(group, windows, 1, lateness);
    Map<WindowSpec, Map<RowKind, List<ClickFeatures>>> want;
    try (var harness = WindowHarnesses.harness(group, uninterrupted, backend)) {
      harness.open();
      scenario.feed(harness, 0, n, 0);
      harness.processWatermark(Long.MAX_VALUE);
      want = ArrivalScenario.emitted(harness, windows);
    }

    var crashed = WindowHarnesses.slicedWithLateness(group, windows, 1, lateness);
    Map<WindowSpec, Map<RowKind, List<ClickFeatures>>> committed;
    OperatorSubtaskState checkpoint;
    long lateBeforeCheckpoint;
    try (var harness = WindowHarnesses.harness(group, crashed, backend)) {
      harness.open();
      scenario.feed(harness, 0, checkpointAt, 0);
      checkpoint = harness.snapshot(1, 1);
      committed = ArrivalScenario.emitted(harness, windows);
      lateBeforeCheckpoint = crashed.lateEventCount();
      scenario.feed(harness, checkpointAt, failAt, 0);
    }
    var restored = WindowHarnesses.slicedWithLateness(group, windows, 1, lateness);
    try (var harness = WindowHarnesses.harness(group, restored, backend)) {
      harness.initializeState(checkpoint);
      harness.open();
      scenario.feed(harness, checkpointAt, n, checkpointAt);
      harness.processWatermark(Long.MAX_VALUE);
      ArrivalScenario.emitted(harness, windows)
          .forEach((window, byKind) -> byKind.forEach((kind, rows) -> committed.get(window).get(kind).addAll(rows)));
    }
    String what = "checkpoint at " + checkpointAt + ", failure at " + failAt + " of " + n + ", lateness " + lateness;
    for (WindowSpec window : windows) {
      assertEquals(
          describe(finalRows(want.get(window))),
          describe(finalRows(committed.get(window))),
          what + ": " + window + " rows and corrections");
    }
    assertEquals(uninterrupted.lateEventCount(), lateBeforeCheckpoint + restored.lateEventCount(), what + ": late events");
  }

  /** Each emitted row as {@code user@end#count}, sorted: emissions of one watermark have no order across keys. */
  private static List<String> describe(List<ClickFeatures> rows) {
    return rows.stream().map(r -> ClickOracle.id(r) + "#" + r.count).sorted().toList();
  }

  private static void assertRowsEqual(String what, Map<String, ClickFeatures> want, Map<String, ClickFeatures> got) {
    assertEquals(want.keySet(), got.keySet(), what + ": windows emitted");
    for (Map.Entry<String, ClickFeatures> entry : want.entrySet()) {
      ClickFeatures w = entry.getValue();
      ClickFeatures g = got.get(entry.getKey());
      String id = what + " " + entry.getKey();
      assertEquals(w.count, g.count, id + " count");
      assertEquals(w.min, g.min, 0.0, id + " min");
      assertEquals(w.max, g.max, 0.0, id + " max");
      assertTrue(
          Math.abs(w.sum - g.sum) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(w.sum)),
          () -> id + " sum " + w.sum + " vs " + g.sum);
    }
  }
}
