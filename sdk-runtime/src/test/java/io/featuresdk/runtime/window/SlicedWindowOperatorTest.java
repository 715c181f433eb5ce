package io.featuresdk.runtime.window;

import static io.featuresdk.runtime.window.WindowHarnesses.describe;
import static io.featuresdk.runtime.window.WindowHarnesses.rows;
import static io.featuresdk.runtime.window.WindowHarnesses.tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.testing.ClickFeatureGroup;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickInput;
import java.time.Duration;
import java.util.List;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The slice-sharing operator driven record by record, on the heap and the RocksDB backend. */
class SlicedWindowOperatorTest {
  private static final WindowSpec FOUR_BY_TWO =
      WindowSpec.sliding(Duration.ofSeconds(4), Duration.ofSeconds(2));
  private static final WindowSpec SIX_TUMBLING = WindowSpec.tumbling(Duration.ofSeconds(6));
  private static final ClickFeatureGroup GROUP =
      new ClickFeatureGroup("clicks_{window}", Duration.ofSeconds(1), true, FOUR_BY_TWO, SIX_TUMBLING);

  private SlicedWindowOperator<String, ClickInput, ?, ClickFeatures> operator;

  private KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> open(
      String backend, OperatorSubtaskState restoreFrom) throws Exception {
    operator = WindowHarnesses.sliced(GROUP, List.of(FOUR_BY_TWO, SIX_TUMBLING));
    var harness = WindowHarnesses.harness(GROUP, operator);
    StateBackend stateBackend =
        backend.equals("rocksdb") ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend();
    harness.setStateBackend(stateBackend);
    if (restoreFrom != null) {
      harness.initializeState(restoreFrom);
    }
    harness.open();
    return harness;
  }

  /** Slices and live ranges left in keyed state (slice ends in the tests lie in [-10 s, 20 s)). */
  private static long stateEntries(
      KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> harness)
      throws Exception {
    var backend = harness.getOperator().getKeyedStateBackend();
    long entries = backend.getKeys("live-slices", VoidNamespace.INSTANCE).count();
    for (long sliceEnd = -10_000; sliceEnd < 20_000; sliceEnd += 2_000) {
      entries += backend.getKeys("slices", sliceEnd).count();
    }
    return entries;
  }

  private static String fourByTwo(KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> h) {
    return describe(rows(h, WindowHarnesses.name(FOUR_BY_TWO)));
  }

  private static String sixTumbling(KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> h) {
    return describe(rows(h, WindowHarnesses.name(SIX_TUMBLING)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void eachWindowOfEachSpecEmitsOnceWhenTheWatermarkPassesItsEnd(String backend) throws Exception {
    try (var harness = open(backend, null)) {
      harness.processElement(new StreamRecord<>(new ClickInput("a", 1), 1_000));
      harness.processElement(new StreamRecord<>(new ClickInput("a", 2), 2_500));
      harness.processWatermark(1_998);
      assertEquals("", fourByTwo(harness));
      harness.processWatermark(1_999); // the last timestamp of [-2000, 2000)
      assertEquals("a@2000#1=1.0", fourByTwo(harness));

      harness.processWatermark(3_999);
      assertEquals("a@2000#1=1.0,a@4000#2=3.0", fourByTwo(harness));
      assertEquals("", sixTumbling(harness));

      harness.processWatermark(100_000); // later 4s windows and the second 6s window are empty
      assertEquals("a@2000#1=1.0,a@4000#2=3.0,a@6000#1=2.0", fourByTwo(harness));
      assertEquals("a@6000#2=3.0", sixTumbling(harness));
      assertEquals(List.of(), harness.extractOutputValues(), "rows only leave on the side outputs");
      assertEquals(0L, stateEntries(harness), "every slice and range is freed");
      assertEquals(0, harness.numEventTimeTimers());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void anEventIsLateOnlyWhenEveryWindowOfEverySpecContainingItHasFired(String backend)
      throws Exception {
    try (var harness = open(backend, null)) {
      harness.processElement(new StreamRecord<>(new ClickInput("a", 1), 5_000));
      harness.processWatermark(5_999);
      // 4s windows ending 2000, 4000 and the 6s window ending 6000 have fired: late
      harness.processElement(new StreamRecord<>(new ClickInput("b", 7), 1_500));
      // 4s windows ending 4000, 6000 fired, 6s window [0, 6000) fired: late
      harness.processElement(new StreamRecord<>(new ClickInput("b", 8), 3_000));
      // 4s window ending 6000 fired, 8000 open; 6s window [0, 6000) fired: counts in 8000 only
      harness.processElement(new StreamRecord<>(new ClickInput("b", 9), 4_500));
      harness.processWatermark(100_000);

      assertEquals("a@6000#1=1.0,a@8000#1=1.0,b@8000#1=9.0", fourByTwo(harness));
      assertEquals("a@6000#1=1.0", sixTumbling(harness));
      assertEquals(2, operator.lateEventCount());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void aSnapshotTakenMidWindowRestoresSlicesAndTimers(String backend) throws Exception {
    OperatorSubtaskState snapshot;
    try (var harness = open(backend, null)) {
      harness.processElement(new StreamRecord<>(new ClickInput("a", 1), 1_000));
      harness.processElement(new StreamRecord<>(new ClickInput("b", 5), 1_200));
      harness.processWatermark(1_999);
      assertEquals("a@2000#1=1.0,b@2000#1=5.0", fourByTwo(harness));
      harness.processElement(new StreamRecord<>(new ClickInput("a", 2), 2_500));
      snapshot = harness.snapshot(1, 2_600);
      harness.processElement(new StreamRecord<>(new ClickInput("a", 100), 2_700)); // after the snapshot: lost
    }
    try (var restored = open(backend, snapshot)) {
      restored.processElement(new StreamRecord<>(new ClickInput("a", 4), 3_000));
      restored.processWatermark(100_000);
      assertEquals("a@4000#3=7.0,a@6000#2=6.0,b@4000#1=5.0", fourByTwo(restored));
      assertEquals("a@6000#3=7.0,b@6000#1=5.0", sixTumbling(restored));
      assertEquals(0L, stateEntries(restored));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void aSnapshotOfOneSubtaskRestoresIntoTwoWithEachKeyWhereItsKeyGroupGoes(String backend)
      throws Exception {
    int maxParallelism = 128;
    List<String> users = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    OperatorSubtaskState snapshot;
    try (var one = harness(backend, maxParallelism, 1, 0)) {
      one.open();
      for (int u = 0; u < users.size(); u++) {
        one.processElement(new StreamRecord<>(new ClickInput(users.get(u), u + 1), 1_000));
        one.processElement(new StreamRecord<>(new ClickInput(users.get(u), 10 * (u + 1)), 2_500));
      }
      one.processWatermark(1_999);
      snapshot = one.snapshot(1, 2_600);
    }
    StringBuilder fourByTwo = new StringBuilder();
    StringBuilder sixTumbling = new StringBuilder();
    for (int subtask = 0; subtask < 2; subtask++) {
      OperatorSubtaskState part =
          AbstractStreamOperatorTestHarness.repartitionOperatorState(
              snapshot, maxParallelism, 1, 2, subtask);
      try (var restored = harness(backend, maxParallelism, 2, subtask)) {
        restored.initializeState(part);
        restored.open();
        for (String user : users) {
          if (KeyGroupRangeAssignment.assignKeyToParallelOperator(user, maxParallelism, 2) == subtask) {
            restored.processElement(new StreamRecord<>(new ClickInput(user, 100), 3_000));
          }
        }
        restored.processWatermark(100_000);
        fourByTwo.append(',').append(fourByTwo(restored));
        sixTumbling.append(',').append(sixTumbling(restored));
        assertEquals(0L, stateEntries(restored));
      }
    }
    List<String> expected4 = new java.util.ArrayList<>();
    List<String> expected6 = new java.util.ArrayList<>();
    for (int u = 0; u < users.size(); u++) {
      String user = users.get(u);
      double early = u + 1;
      double late = 10 * (u + 1);
      expected4.add(user + "@4000#3=" + (early + late + 100));
      expected4.add(user + "@6000#2=" + (late + 100));
      expected6.add(user + "@6000#3=" + (early + late + 100));
    }
    assertEquals(sorted(expected4), sorted(List.of(fourByTwo.substring(1).split(","))));
    assertEquals(sorted(expected6), sorted(List.of(sixTumbling.substring(1).split(","))));
  }

  /**
   * Two subtasks checkpointed at different watermarks restore into one: each key keeps how far it
   * fired, so a straggler for a window its old subtask fired is late although the merged floor
   * (the smaller watermark) is below that window's end.
   */
  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void afterMergingTwoSubtasksEachKeyStillKnowsHowFarItFired(String backend) throws Exception {
    int maxParallelism = 128;
    List<String> users = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    long[] watermarks = {5_999, 3_999}; // subtask 0 fired the 6 s tumbling window, subtask 1 did not
    OperatorSubtaskState[] snapshots = new OperatorSubtaskState[2];
    for (int subtask = 0; subtask < 2; subtask++) {
      try (var harness = harness(backend, maxParallelism, 2, subtask)) {
        harness.open();
        for (String user : users) {
          if (subtaskOf(user, maxParallelism) == subtask) {
            harness.processElement(new StreamRecord<>(new ClickInput(user, 1), 1_000));
          }
        }
        harness.processWatermark(watermarks[subtask]);
        snapshots[subtask] = harness.snapshot(1, 1);
      }
    }
    OperatorSubtaskState merged =
        AbstractStreamOperatorTestHarness.repartitionOperatorState(
            AbstractStreamOperatorTestHarness.repackageState(snapshots), maxParallelism, 2, 1, 0);
    try (var restored = harness(backend, maxParallelism, 1, 0)) {
      restored.initializeState(merged);
      restored.open();
      for (String user : users) {
        restored.processElement(new StreamRecord<>(new ClickInput(user, 2), 1_500));
      }
      restored.processWatermark(100_000);

      assertEquals("", fourByTwo(restored), "[-2000, 2000) and [0, 4000) fired everywhere");
      List<String> expected =
          users.stream().filter(u -> subtaskOf(u, maxParallelism) == 1).map(u -> u + "@6000#2=3.0").toList();
      assertTrue(expected.size() > 0 && expected.size() < users.size(), "keys on both subtasks");
      assertEquals(sorted(expected), sorted(List.of(sixTumbling(restored).split(","))));
      assertEquals(users.size() - expected.size(), operator.lateEventCount());
    }
  }

  private static int subtaskOf(String user, int maxParallelism) {
    return KeyGroupRangeAssignment.assignKeyToParallelOperator(user, maxParallelism, 2);
  }

  private static List<String> sorted(List<String> rows) {
    return rows.stream().filter(r -> !r.isEmpty()).sorted().toList();
  }

  private KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> harness(
      String backend, int maxParallelism, int parallelism, int subtask) throws Exception {
    operator = WindowHarnesses.sliced(GROUP, List.of(FOUR_BY_TWO, SIX_TUMBLING));
    var harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            operator, GROUP.keySelector(), GROUP.keyType(), maxParallelism, parallelism, subtask);
    harness.setStateBackend(
        backend.equals("rocksdb") ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend());
    return harness;
  }
}
