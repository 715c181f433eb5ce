package io.featuresdk.runtime.window;

import static io.featuresdk.runtime.window.WindowHarnesses.tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.testing.Click;
import io.featuresdk.runtime.testing.ClickFeatureGroup;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickInput;
import io.featuresdk.runtime.testing.ClickOracle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
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

  /** Events in arrival order and the watermark bound (watermark = newest - bound - 1, per event). */
  private record Scenario(List<WindowSpec> windows, List<Click> events, long bound) {}

  /**
   * Keys are active in phases: each phase draws the keys that send events, so keys go quiet for
   * whole windows and come back; some events straggle far behind the watermark.
   */
  private static Scenario scenario(Random random) {
    long unit = 100L * (1 + random.nextInt(3));
    Set<WindowSpec> windows = new HashSet<>();
    int count = 1 + random.nextInt(3);
    while (windows.size() < count) {
      long slide = unit * (1 + random.nextInt(3));
      windows.add(
          WindowSpec.sliding(Duration.ofMillis(slide * (1 + random.nextInt(4))), Duration.ofMillis(slide)));
    }
    int keys = 2 + random.nextInt(4);
    long bound = unit * random.nextInt(4);
    List<Click> events = new ArrayList<>();
    long time = -3_000 + random.nextInt(6_000);
    List<String> active = List.of("u0");
    for (int i = 0; i < 100 + random.nextInt(300); i++) {
      if (i % 40 == 0) {
        List<String> drawn = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
          if (random.nextBoolean()) {
            drawn.add("u" + k);
          }
        }
        active = drawn.isEmpty() ? List.of("u" + random.nextInt(keys)) : drawn;
      }
      time += random.nextInt((int) unit);
      long eventTime = time - (bound == 0 ? 0 : random.nextLong(bound + 1));
      if (random.nextInt(12) == 0) {
        eventTime = time - random.nextLong(20 * unit); // a straggler, often late
      }
      events.add(new Click(active.get(random.nextInt(active.size())), eventTime, i + random.nextDouble()));
    }
    return new Scenario(List.copyOf(windows), events, bound);
  }

  /** The watermark each event meets on arrival when a watermark follows every event. */
  private static long[] watermarksAtArrival(Scenario scenario) {
    long[] at = new long[scenario.events().size()];
    long watermark = Long.MIN_VALUE;
    long newest = Long.MIN_VALUE;
    for (int i = 0; i < at.length; i++) {
      at[i] = watermark;
      newest = Math.max(newest, scenario.events().get(i).timeMillis);
      watermark = Math.max(watermark, newest - scenario.bound() - 1);
    }
    return at;
  }

  private static long lastRealWatermark(Scenario scenario) {
    return scenario.events().stream().mapToLong(e -> e.timeMillis).max().orElseThrow()
        - scenario.bound() - 1;
  }

  /**
   * Feeds events {@code [from, to)}, each followed by the watermark when it advanced; the
   * generator has seen the events from {@code generatorStart} (a restored one starts from the
   * minimum again).
   */
  private static void feed(
      KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> harness,
      Scenario scenario, int from, int to, int generatorStart) throws Exception {
    long newest = Long.MIN_VALUE;
    long watermark = Long.MIN_VALUE;
    for (int i = generatorStart; i < to; i++) {
      Click event = scenario.events().get(i);
      newest = Math.max(newest, event.timeMillis);
      if (i < from) {
        continue;
      }
      harness.processElement(new StreamRecord<>(new ClickInput(event.user, event.amount), event.timeMillis));
      if (newest - scenario.bound() - 1 > watermark) {
        watermark = newest - scenario.bound() - 1;
        harness.processWatermark(watermark);
      }
    }
  }

  /** Per window, the rows of each kind emitted so far, by id; fails on a window emitted twice. */
  private static Map<WindowSpec, Map<RowKind, Map<String, ClickFeatures>>> rowsByKind(
      KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> harness,
      List<WindowSpec> windows) {
    Map<WindowSpec, Map<RowKind, Map<String, ClickFeatures>>> all = new TreeMap<>(EmptyWindowRowsPropertyTest::order);
    for (WindowSpec window : windows) {
      Map<RowKind, Map<String, ClickFeatures>> byKind = new TreeMap<>();
      for (RowKind kind : RowKind.values()) {
        Map<String, ClickFeatures> rows = new TreeMap<>();
        var output = harness.getSideOutput(tag(WindowHarnesses.name(window), kind));
        if (output != null) {
          for (StreamRecord<ClickFeatures> record : output) {
            ClickFeatures row = record.getValue();
            assertEquals(null, rows.put(ClickOracle.id(row), row), "emitted twice: " + ClickOracle.id(row));
            assertEquals(row.windowEnd - 1, record.getTimestamp(), "stamped with the window end - 1");
          }
        }
        byKind.put(kind, rows);
      }
      all.put(window, byKind);
    }
    return all;
  }

  @RepeatedTest(40)
  void emptyRowsAreThoseTheOracleFindsAndQuietKeysKeepNoState(RepetitionInfo repetition) throws Exception {
    int seed = repetition.getCurrentRepetition();
    Scenario scenario = scenario(new Random(31_337L * seed));
    ClickFeatureGroup group =
        new ClickFeatureGroup("clicks_{window}", Duration.ZERO, true, scenario.windows().toArray(WindowSpec[]::new));
    var operator = WindowHarnesses.slicedWithEmptyRows(group, scenario.windows(), 1 + seed % 3);
    long[] watermarks = watermarksAtArrival(scenario);
    boolean heap = seed % 3 != 0;
    try (var harness = WindowHarnesses.harness(group, operator, heap ? "heap" : "rocksdb")) {
      harness.open();
      feed(harness, scenario, 0, scenario.events().size(), 0);
      harness.processWatermark(Long.MAX_VALUE);
      var got = rowsByKind(harness, scenario.windows());
      for (WindowSpec window : scenario.windows()) {
        Map<String, ClickFeatures> oracle = ClickOracle.rowsInArrivalOrder(scenario.events(), watermarks, window);
        Map<String, ClickFeatures> emitted = new TreeMap<>(got.get(window).get(RowKind.COMPLETE));
        emitted.putAll(got.get(window).get(RowKind.TRUNCATED));
        assertEquals(oracle.keySet(), emitted.keySet(), window + ": rows of windows with events");
        oracle.forEach((id, row) -> assertEquals(row.count, emitted.get(id).count, id + " count"));
        Set<String> wantEmpty = ClickOracle.emptyRowIds(oracle, window, lastRealWatermark(scenario));
        Map<String, ClickFeatures> empty = got.get(window).get(RowKind.EMPTY);
        assertEquals(wantEmpty, empty.keySet(), window + ": empty rows");
        for (ClickFeatures row : empty.values()) {
          assertEquals(0, row.count, "an empty row counts nothing");
        }
        emptyRowsSeen += empty.size();
      }
      // only the fired horizon and the first window ends are left per key: nothing of EmptyWindowRows
      if (heap) { // the RocksDB harness cannot count entries
        long keys = scenario.events().stream().map(e -> e.user).distinct().count();
        assertEquals(2 * keys, harness.numKeyedStateEntries(), "state left after every key went quiet");
      }
    }
    lateSeen += operator.lateEventCount();
  }

  @RepeatedTest(10)
  void withoutTheOptionNoEmptyRowIsEmitted(RepetitionInfo repetition) throws Exception {
    Scenario scenario = scenario(new Random(31_337L * repetition.getCurrentRepetition()));
    ClickFeatureGroup group =
        new ClickFeatureGroup("clicks_{window}", Duration.ZERO, true, scenario.windows().toArray(WindowSpec[]::new));
    try (var harness = WindowHarnesses.harness(group, WindowHarnesses.sliced(group, scenario.windows()))) {
      harness.open();
      feed(harness, scenario, 0, scenario.events().size(), 0);
      harness.processWatermark(Long.MAX_VALUE);
      rowsByKind(harness, scenario.windows())
          .forEach((window, byKind) -> assertEquals(Map.of(), byKind.get(RowKind.EMPTY), window.toString()));
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
    Scenario scenario = scenario(random);
    List<WindowSpec> windows = scenario.windows();
    ClickFeatureGroup group =
        new ClickFeatureGroup("clicks_{window}", Duration.ZERO, true, windows.toArray(WindowSpec[]::new));
    int n = scenario.events().size();
    int checkpointAt = random.nextInt(n + 1);
    int failAt = checkpointAt + random.nextInt(n - checkpointAt + 1);

    Map<WindowSpec, Map<RowKind, Map<String, ClickFeatures>>> want;
    try (var harness = WindowHarnesses.harness(group, WindowHarnesses.slicedWithEmptyRows(group, windows, 1), backend)) {
      harness.open();
      feed(harness, scenario, 0, n, 0);
      harness.processWatermark(Long.MAX_VALUE);
      want = rowsByKind(harness, windows);
    }

    Map<WindowSpec, Map<RowKind, Map<String, ClickFeatures>>> committed;
    OperatorSubtaskState checkpoint;
    try (var harness = WindowHarnesses.harness(group, WindowHarnesses.slicedWithEmptyRows(group, windows, 1), backend)) {
      harness.open();
      feed(harness, scenario, 0, checkpointAt, 0);
      checkpoint = harness.snapshot(1, 1);
      committed = rowsByKind(harness, windows);
      feed(harness, scenario, checkpointAt, failAt, 0);
    }
    try (var harness = WindowHarnesses.harness(group, WindowHarnesses.slicedWithEmptyRows(group, windows, 1), backend)) {
      harness.initializeState(checkpoint);
      harness.open();
      feed(harness, scenario, checkpointAt, n, checkpointAt);
      harness.processWatermark(Long.MAX_VALUE);
      rowsByKind(harness, windows)
          .forEach(
              (window, byKind) ->
                  byKind.forEach(
                      (kind, rows) ->
                          rows.forEach(
                              (id, row) ->
                                  assertEquals(
                                      null,
                                      committed.get(window).get(kind).put(id, row),
                                      window + " " + kind + " emitted again after the restore: " + id))));
    }
    for (WindowSpec window : windows) {
      for (RowKind kind : List.of(RowKind.COMPLETE, RowKind.TRUNCATED, RowKind.EMPTY)) {
        assertEquals(
            new TreeSet<>(want.get(window).get(kind).keySet()),
            new TreeSet<>(committed.get(window).get(kind).keySet()),
            "checkpoint at " + checkpointAt + ", failure at " + failAt + " of " + n + ": " + window + " " + kind);
      }
      emptyRowsSeen += want.get(window).get(RowKind.EMPTY).size();
    }
  }

  private static int order(WindowSpec a, WindowSpec b) {
    return a.sizeMillis() != b.sizeMillis()
        ? Long.compare(a.sizeMillis(), b.sizeMillis())
        : Long.compare(a.slideMillis(), b.slideMillis());
  }
}
