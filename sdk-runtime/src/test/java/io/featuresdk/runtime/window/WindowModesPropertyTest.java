package io.featuresdk.runtime.window;

import static io.featuresdk.runtime.window.WindowHarnesses.completeFlags;
import static io.featuresdk.runtime.window.WindowHarnesses.rows;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random window sets, keys, event times, disorder and watermarks, fed identically to the sliced
 * operator and to one native window operator per window: both must emit the same rows, drop the
 * same events, and, when nothing is late, equal the brute-force oracle.
 */
class WindowModesPropertyTest {
  private static final double RELATIVE_TOLERANCE = 1e-9;
  private static long lateSeen;
  private static long partlyLateSeen;
  private static long completeSeen;
  private static long incompleteSeen;

  @AfterAll
  static void theScenariosExercisedLateness() {
    assertTrue(lateSeen > 0, "some events were late in every window");
    assertTrue(partlyLateSeen > 0, "some events missed fired windows but counted in open ones");
    assertTrue(completeSeen > 0 && incompleteSeen > 0, "rows of both kinds were checked");
  }

  /**
   * One random scenario: windows, events in arrival order, and the bound of the watermark, which
   * trails the newest event time seen by {@code bound + 1} as Flink's bounded-out-of-orderness
   * generator does (here after every event).
   */
  private record Scenario(List<WindowSpec> windows, List<Click> events, long bound) {}

  private static Scenario scenario(Random random, boolean allowLate) {
    long unit = 100L * (1 + random.nextInt(5));
    Set<WindowSpec> windows = new HashSet<>();
    int count = 1 + random.nextInt(3);
    while (windows.size() < count) {
      long slide = unit * (1 + random.nextInt(4));
      long size = slide * (1 + random.nextInt(6));
      windows.add(WindowSpec.sliding(Duration.ofMillis(size), Duration.ofMillis(slide)));
    }
    int keys = 1 + random.nextInt(4);
    int n = 50 + random.nextInt(250);
    long disorder = unit * random.nextInt(8);
    long bound = allowLate ? disorder / 2 : disorder;
    List<Click> events = new ArrayList<>();
    long time = -5_000 + random.nextInt(10_000); // also negative times: alignment to the epoch
    for (int i = 0; i < n; i++) {
      time += random.nextInt((int) unit);
      long eventTime = time - (disorder == 0 ? 0 : random.nextLong(disorder + 1));
      if (random.nextInt(10) == 0) {
        eventTime = time; // runs of equal event times
      } else if (allowLate && random.nextInt(8) == 0) {
        eventTime = time - random.nextLong(40 * unit); // stragglers, often behind the watermark
      }
      // amounts are distinct so a dropped event can be recognised in every operator's late output
      events.add(new Click("u" + random.nextInt(keys), eventTime, i + random.nextDouble()));
    }
    return new Scenario(List.copyOf(windows), events, bound);
  }

  private static void run(
      KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> harness,
      Scenario scenario)
      throws Exception {
    harness.open();
    feed(harness, scenario, 0, scenario.events().size(), 0, 0);
    harness.processWatermark(Long.MAX_VALUE);
  }

  /**
   * Feeds events {@code [from, to)}, each followed by the watermark if it advanced, except before
   * event {@code silentUntil} (a periodic generator has not emitted yet); the watermark generator
   * has seen the events from {@code generatorStart} on (a restored source starts a new generator,
   * so its watermark begins again from the minimum).
   */
  private static void feed(
      KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> harness,
      Scenario scenario,
      int from,
      int to,
      int generatorStart,
      int silentUntil)
      throws Exception {
    long maxSeen = Long.MIN_VALUE;
    long watermark = Long.MIN_VALUE;
    for (int i = generatorStart; i < to; i++) {
      Click event = scenario.events().get(i);
      maxSeen = Math.max(maxSeen, event.timeMillis);
      if (i < from) {
        continue;
      }
      harness.processElement(
          new StreamRecord<>(new ClickInput(event.user, event.amount), event.timeMillis));
      if (i >= silentUntil && maxSeen - scenario.bound() - 1 > watermark) {
        watermark = maxSeen - scenario.bound() - 1;
        harness.processWatermark(watermark);
      }
    }
  }

  private static Map<String, ClickFeatures> byId(List<ClickFeatures> rows) {
    Map<String, ClickFeatures> byId = new TreeMap<>();
    for (ClickFeatures row : rows) {
      ClickFeatures previous = byId.put(ClickOracle.id(row), row);
      assertEquals(null, previous, () -> "window emitted twice: " + ClickOracle.id(row));
    }
    return byId;
  }

  @RepeatedTest(60)
  void slicedAndNativeEmitTheSameRowsAndDropTheSameEvents(RepetitionInfo repetition)
      throws Exception {
    Scenario scenario = scenario(new Random(7_919L * repetition.getCurrentRepetition()), true);
    ClickFeatureGroup group =
        new ClickFeatureGroup("clicks_{window}", Duration.ZERO, true,
            scenario.windows().toArray(WindowSpec[]::new));

    // merging every slice, and (threshold 1) two stacks for every window of several slices
    var sliced = WindowHarnesses.sliced(group, scenario.windows());
    var stacked = WindowHarnesses.sliced(group, scenario.windows(), 1);
    Map<WindowSpec, List<ClickFeatures>> slicedRows = new TreeMap<>(WindowModesPropertyTest::order);
    Map<WindowSpec, List<ClickFeatures>> stackedRows = new TreeMap<>(WindowModesPropertyTest::order);
    Map<WindowSpec, Map<String, Boolean>> slicedFlags = new TreeMap<>(WindowModesPropertyTest::order);
    try (var harness = WindowHarnesses.harness(group, sliced);
        var stackedHarness = WindowHarnesses.harness(group, stacked)) {
      run(harness, scenario);
      run(stackedHarness, scenario);
      for (WindowSpec window : scenario.windows()) {
        String name = WindowHarnesses.name(window);
        slicedRows.put(window, rows(harness, name));
        stackedRows.put(window, rows(stackedHarness, name));
        slicedFlags.put(window, completeFlags(harness, name));
        assertEquals(
            slicedFlags.get(window),
            completeFlags(stackedHarness, name),
            "complete flags, two stacks");
      }
      // per key: the fired horizon and the first window ends of the inferred completeness rule
      long keysWithRows =
          slicedRows.values().stream().flatMap(List::stream).map(r -> r.user).distinct().count();
      assertEquals(2 * keysWithRows, harness.numKeyedStateEntries(), "only per-key history is left");
      assertEquals(2 * keysWithRows, stackedHarness.numKeyedStateEntries(), "only per-key history is left");
    }

    Set<Double> lateEverywhere = null;
    Set<Double> lateSomewhere = new HashSet<>();
    for (WindowSpec window : scenario.windows()) {
      Set<Double> late = new HashSet<>();
      try (var harness =
          WindowHarnesses.harness(group, WindowHarnesses.nativeOperator(group, window))) {
        run(harness, scenario);
        assertRowsEqual(
            scenario + " " + window,
            byId(rows(harness, WindowHarnesses.name(window))),
            byId(slicedRows.get(window)));
        assertEquals(
            completeFlags(harness, WindowHarnesses.name(window)),
            slicedFlags.get(window),
            "complete flags, native and sliced");
        assertRowsEqual(
            scenario + " " + window + " two stacks",
            byId(slicedRows.get(window)),
            byId(stackedRows.get(window)));
        var lateOutput =
            harness.getSideOutput(
                new OutputTag<>(WindowHarnesses.name(window) + "-late", group.inputType()));
        if (lateOutput != null) {
          lateOutput.forEach(r -> late.add(r.getValue().amount));
        }
      }
      lateSomewhere.addAll(late);
      if (lateEverywhere == null) {
        lateEverywhere = late;
      } else {
        lateEverywhere.retainAll(late);
      }
    }
    lateSeen += lateEverywhere.size();
    partlyLateSeen += lateSomewhere.size() - lateEverywhere.size();
    assertEquals(sliced.lateEventCount(), stacked.lateEventCount());
    if (repetition.getCurrentRepetition() % 3 == 0) {
      // RocksDB keeps a key's slices in one value and merges them without stacks
      var onRocksDb = WindowHarnesses.sliced(group, scenario.windows());
      try (var harness = WindowHarnesses.harness(group, onRocksDb, "rocksdb")) {
        run(harness, scenario);
        for (WindowSpec window : scenario.windows()) {
          String name = WindowHarnesses.name(window);
          assertRowsEqual(scenario + " " + window + " on RocksDB", byId(slicedRows.get(window)), byId(rows(harness, name)));
          assertEquals(slicedFlags.get(window), completeFlags(harness, name), "complete flags on RocksDB");
        }
      }
      assertEquals(sliced.lateEventCount(), onRocksDb.lateEventCount(), "late events on RocksDB");
    }
    assertEquals(lateEverywhere.size(), sliced.lateEventCount(),
        "late = every window containing the event had fired, in every spec");
  }

  @RepeatedTest(30)
  void withoutLateEventsSlicedRowsEqualTheBruteForceOracle(RepetitionInfo repetition)
      throws Exception {
    Scenario scenario = scenario(new Random(104_729L * repetition.getCurrentRepetition()), false);
    ClickFeatureGroup group =
        new ClickFeatureGroup("clicks_{window}", Duration.ZERO, true,
            scenario.windows().toArray(WindowSpec[]::new));
    var sliced = WindowHarnesses.sliced(group, scenario.windows(), 1 + repetition.getCurrentRepetition() % 3);
    try (var harness = WindowHarnesses.harness(group, sliced)) {
      run(harness, scenario);
      for (WindowSpec window : scenario.windows()) {
        assertRowsEqual(
            window.toString(),
            ClickOracle.rows(scenario.events(), window),
            byId(rows(harness, WindowHarnesses.name(window))));
      }
      assertEquals(0, sliced.lateEventCount());
    }
  }

  /**
   * The inferred rule, checked against the oracle's windows: a row is complete unless its window
   * ends after the last real watermark (it fired on the end-of-input watermark) or starts before
   * the end of its key's first window of the same spec. Both engines, watermarks after every event.
   */
  @RepeatedTest(20)
  void inferredCompletenessFlagsTheLeadingAndTrailingWindowsTheOracleFinds(RepetitionInfo repetition)
      throws Exception {
    Scenario scenario = scenario(new Random(1_299_709L * repetition.getCurrentRepetition()), false);
    ClickFeatureGroup group =
        new ClickFeatureGroup("clicks_{window}", Duration.ZERO, true,
            scenario.windows().toArray(WindowSpec[]::new));
    long lastRealWatermark =
        scenario.events().stream().mapToLong(e -> e.timeMillis).max().orElseThrow() - scenario.bound() - 1;
    Map<WindowSpec, FlaggedRows> sliced =
        runSliced(group, scenario, WindowCompleteness.inferred(), repetition.getCurrentRepetition());
    for (WindowSpec window : scenario.windows()) {
      Map<String, ClickFeatures> oracle = ClickOracle.rows(scenario.events(), window);
      Map<String, Long> firstEnd = new TreeMap<>();
      oracle.values().forEach(row -> firstEnd.merge(row.user, row.windowEnd, Math::min));
      Map<String, Boolean> want = new TreeMap<>();
      oracle.forEach(
          (id, row) ->
              want.put(
                  id,
                  row.windowEnd - window.sizeMillis() >= firstEnd.get(row.user)
                      && row.windowEnd - 1 <= lastRealWatermark));
      assertEquals(want, sliced.get(window).complete(), window + " sliced");
      try (var harness =
          WindowHarnesses.harness(group, WindowHarnesses.nativeOperator(group, window))) {
        run(harness, scenario);
        assertEquals(want, completeFlags(harness, WindowHarnesses.name(window)), window + " native");
      }
      want.values().forEach(complete -> count(complete));
    }
  }

  /**
   * Two backfills of adjacent event-time ranges, the second starting one largest window size
   * before the first one's end, each fed only the events of its range and told the range: a row is
   * complete exactly when its window lies inside the range, every complete row equals the
   * brute-force oracle over the whole stream, and together the complete rows are every window of
   * the two ranges.
   */
  @RepeatedTest(20)
  void declaredCoverageFlagsTheWindowsInsideItAndAdjacentBackfillsCompose(RepetitionInfo repetition)
      throws Exception {
    Random random = new Random(15_485_867L * repetition.getCurrentRepetition());
    Scenario scenario = scenario(random, false);
    List<WindowSpec> windows = scenario.windows();
    ClickFeatureGroup group =
        new ClickFeatureGroup("clicks_{window}", Duration.ZERO, true, windows.toArray(WindowSpec[]::new));
    long maxSize = windows.stream().mapToLong(WindowSpec::sizeMillis).max().orElseThrow();
    long first = scenario.events().stream().mapToLong(e -> e.timeMillis).min().orElseThrow();
    long last = scenario.events().stream().mapToLong(e -> e.timeMillis).max().orElseThrow();
    long a = first - random.nextLong(maxSize);
    long b = a + 1 + random.nextLong(last - a + 1);
    long c = b + 1 + random.nextLong(last + maxSize - b + 1);
    long[][] ranges = {{a, b}, {b - maxSize, c}};

    Map<WindowSpec, Map<String, ClickFeatures>> completeRows = new TreeMap<>(WindowModesPropertyTest::order);
    for (long[] range : ranges) {
      Scenario backfill =
          new Scenario(
              windows,
              scenario.events().stream()
                  .filter(e -> e.timeMillis >= range[0] && e.timeMillis < range[1])
                  .toList(),
              scenario.bound());
      if (backfill.events().isEmpty()) {
        continue;
      }
      WindowCompleteness coverage =
          WindowCompleteness.covering(Instant.ofEpochMilli(range[0]), Instant.ofEpochMilli(range[1]));
      Map<WindowSpec, FlaggedRows> sliced =
          runSliced(group, backfill, coverage, repetition.getCurrentRepetition());
      for (WindowSpec window : windows) {
        String what = window + " covering [" + range[0] + ", " + range[1] + ")";
        Map<String, ClickFeatures> oracle = ClickOracle.rows(scenario.events(), window);
        Map<String, Boolean> want = new TreeMap<>();
        Map<String, ClickFeatures> complete = new TreeMap<>();
        FlaggedRows got = sliced.get(window);
        got.rows()
            .forEach(
                (id, row) -> {
                  boolean inside =
                      row.windowEnd - window.sizeMillis() >= range[0] && row.windowEnd <= range[1];
                  want.put(id, inside);
                  count(inside);
                  if (got.complete().get(id)) {
                    complete.put(id, row);
                  }
                });
        assertEquals(want, got.complete(), what + " sliced");
        Map<String, ClickFeatures> oracleComplete = new TreeMap<>(oracle);
        oracleComplete.keySet().retainAll(complete.keySet());
        assertRowsEqual(what + ": complete rows are the whole stream's", oracleComplete, complete);
        try (var harness =
            WindowHarnesses.harness(group, WindowHarnesses.nativeOperator(group, window, coverage))) {
          run(harness, backfill);
          assertEquals(want, completeFlags(harness, WindowHarnesses.name(window)), what + " native");
        }
        completeRows.computeIfAbsent(window, w -> new TreeMap<>()).putAll(complete);
      }
    }
    for (WindowSpec window : windows) {
      Map<String, ClickFeatures> inRanges = new TreeMap<>();
      ClickOracle.rows(scenario.events(), window)
          .forEach(
              (id, row) -> {
                if (row.windowEnd - window.sizeMillis() >= Math.min(a, b - maxSize)
                    && row.windowEnd <= c) {
                  inRanges.put(id, row);
                }
              });
      assertRowsEqual(
          window + " both backfills",
          inRanges,
          completeRows.getOrDefault(window, Map.of()));
    }
  }

  private static void count(boolean complete) {
    if (complete) {
      completeSeen++;
    } else {
      incompleteSeen++;
    }
  }

  /** One window's rows by id and whether each is complete. */
  private record FlaggedRows(Map<String, ClickFeatures> rows, Map<String, Boolean> complete) {}

  /** Runs the sliced operator over the whole scenario; rows per window. */
  private static Map<WindowSpec, FlaggedRows> runSliced(
      ClickFeatureGroup group, Scenario scenario, WindowCompleteness completeness, int seed)
      throws Exception {
    var sliced = WindowHarnesses.sliced(group, scenario.windows(), 1 + seed % 3, completeness);
    Map<WindowSpec, FlaggedRows> rows = new TreeMap<>(WindowModesPropertyTest::order);
    try (var harness = WindowHarnesses.harness(group, sliced)) {
      run(harness, scenario);
      for (WindowSpec window : scenario.windows()) {
        String name = WindowHarnesses.name(window);
        rows.put(window, new FlaggedRows(byId(rows(harness, name)), completeFlags(harness, name)));
      }
    }
    return rows;
  }

  static Stream<Arguments> restores() {
    return IntStream.rangeClosed(1, 32)
        .mapToObj(seed -> Arguments.of(seed, seed % 4 < 2 ? "rocksdb" : "heap"));
  }

  /**
   * A checkpoint at a random event, the operator going on to a random later event and failing
   * there (its rows since the checkpoint are rolled back with it), then a restore with the source
   * replaying from the checkpointed position and its watermark starting again from the minimum,
   * emitting nothing for a random number of events (a periodic generator's first interval; the
   * uninterrupted run gets no watermark there either, so both see the same events as late). The
   * rows committed before the checkpoint plus the restored operator's rows must be the
   * uninterrupted run's rows, each window once, with the same events dropped as late; without
   * late events, also the brute-force oracle's.
   */
  @ParameterizedTest(name = "seed {0}, {1}")
  @MethodSource("restores")
  void aRestoredOperatorEmitsWhatTheUninterruptedOneDoesAndNoWindowTwice(int seed, String backend)
      throws Exception {
    Random random = new Random(15_485_863L * seed);
    boolean allowLate = seed % 2 == 0;
    Scenario scenario = scenario(random, allowLate);
    List<WindowSpec> windows = scenario.windows();
    ClickFeatureGroup group =
        new ClickFeatureGroup("clicks_{window}", Duration.ZERO, true, windows.toArray(WindowSpec[]::new));
    int stackThreshold = 1 + seed % 3;
    int n = scenario.events().size();
    int checkpointAt = random.nextInt(n + 1);
    int failAt = checkpointAt + random.nextInt(n - checkpointAt + 1);
    int silentUntil = checkpointAt + random.nextInt(30);

    var uninterrupted = WindowHarnesses.sliced(group, windows, stackThreshold);
    Map<WindowSpec, List<ClickFeatures>> want;
    try (var harness = WindowHarnesses.harness(group, uninterrupted, backend)) {
      harness.open();
      feed(harness, scenario, 0, checkpointAt, 0, 0);
      feed(harness, scenario, checkpointAt, n, 0, silentUntil);
      harness.processWatermark(Long.MAX_VALUE);
      want = rowsPerWindow(harness, windows);
    }

    var crashed = WindowHarnesses.sliced(group, windows, stackThreshold);
    Map<WindowSpec, List<ClickFeatures>> committed;
    OperatorSubtaskState checkpoint;
    long lateBeforeCheckpoint;
    try (var harness = WindowHarnesses.harness(group, crashed, backend)) {
      harness.open();
      feed(harness, scenario, 0, checkpointAt, 0, 0);
      checkpoint = harness.snapshot(1, 1);
      committed = rowsPerWindow(harness, windows);
      lateBeforeCheckpoint = crashed.lateEventCount();
      feed(harness, scenario, checkpointAt, failAt, 0, silentUntil);
    }

    var restored = WindowHarnesses.sliced(group, windows, stackThreshold);
    try (var harness = WindowHarnesses.harness(group, restored, backend)) {
      harness.initializeState(checkpoint);
      harness.open();
      feed(harness, scenario, checkpointAt, n, checkpointAt, silentUntil);
      harness.processWatermark(Long.MAX_VALUE);
      rowsPerWindow(harness, windows).forEach((window, rows) -> committed.get(window).addAll(rows));
    }

    String what =
        "checkpoint at " + checkpointAt + ", failure at " + failAt + ", first watermark at "
            + silentUntil + " of " + n;
    for (WindowSpec window : windows) {
      Map<String, ClickFeatures> got = byId(committed.get(window));
      assertRowsEqual(what + " " + window, byId(want.get(window)), got);
      if (!allowLate) {
        assertRowsEqual(what + " " + window + " oracle", ClickOracle.rows(scenario.events(), window), got);
      }
    }
    assertEquals(
        uninterrupted.lateEventCount(),
        lateBeforeCheckpoint + restored.lateEventCount(),
        what + ": late events");
  }

  private static Map<WindowSpec, List<ClickFeatures>> rowsPerWindow(
      KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> harness,
      List<WindowSpec> windows) {
    Map<WindowSpec, List<ClickFeatures>> rows = new TreeMap<>(WindowModesPropertyTest::order);
    for (WindowSpec window : windows) {
      rows.put(window, rows(harness, WindowHarnesses.name(window)));
    }
    return rows;
  }

  private static int order(WindowSpec a, WindowSpec b) {
    return a.sizeMillis() != b.sizeMillis()
        ? Long.compare(a.sizeMillis(), b.sizeMillis())
        : Long.compare(a.slideMillis(), b.slideMillis());
  }

  private static void assertRowsEqual(
      String what, Map<String, ClickFeatures> want, Map<String, ClickFeatures> got) {
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
