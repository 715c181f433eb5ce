package io.featuresdk.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.testing.ClickFeatureGroup;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The online row a store holds (rows folded by upsert-if-newer: window end, then as-of time, the
 * later write winning ties) after every prefix of random streams, against the definition in
 * {@link ProvisionalEmitter} computed by brute force over that prefix.
 */
class ProvisionalRowsOracleTest {
  private static final WindowSpec FOUR_BY_TWO =
      WindowSpec.sliding(Duration.ofSeconds(4), Duration.ofSeconds(2));
  private static final WindowSpec SIX_TUMBLING = WindowSpec.tumbling(Duration.ofSeconds(6));
  private static final List<WindowSpec> WINDOWS = List.of(FOUR_BY_TWO, SIX_TUMBLING);
  private static final long BOUND = 3_000;
  private static final long REFRESH = 100;
  private static final ClickFeatureGroup GROUP =
      new ClickFeatureGroup("clicks_{window}", Duration.ofMillis(BOUND), true, FOUR_BY_TWO, SIX_TUMBLING);
  private static final List<String> USERS = List.of("a", "b", "c");

  /** One input step: an event, or a watermark when {@code user} is null. */
  private record Step(String user, long time, int amount) {}

  /** An event as the oracle sees it: the watermark at its arrival decides where it counts. */
  private record Arrival(String user, long time, int amount, long watermark) {}

  /** One online row: what it aggregates and what it covers. */
  private record Online(long windowEnd, long asOf, long count, double sum, double min, double max) {}

  private static List<Step> randomSteps(long seed, int events) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Step> steps = new ArrayList<>();
    long clock = 10_000;
    long maxTime = Long.MIN_VALUE;
    for (int i = 0; i < events; i++) {
      clock += random.nextInt(0, 400);
      long time = clock - random.nextLong(0, BOUND); // disorder within the bound
      if (random.nextInt(12) == 0) {
        time = clock - BOUND - random.nextLong(1, 8_000); // late for some or all windows
      }
      maxTime = Math.max(maxTime, time);
      steps.add(new Step(USERS.get(random.nextInt(USERS.size())), time, random.nextInt(1, 50)));
      if (random.nextInt(4) == 0) {
        steps.add(new Step(null, maxTime - BOUND - 1, 0));
      }
    }
    return steps;
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> open(
      String backend, long refresh, OperatorSubtaskState restoreFrom) throws Exception {
    List<String> names = WINDOWS.stream().map(WindowHarnesses::name).toList();
    var operator =
        new SlicedWindowOperator<>(
            WINDOWS, GROUP.aggregation(), GROUP.accumulatorType(),
            new WindowOutputs<>(names, org.apache.flink.api.common.typeinfo.Types.POJO(ClickFeatures.class)),
            WindowCompleteness.inferred(), SlicedWindowOperator.DEFAULT_STACK_THRESHOLD, refresh);
    var harness = WindowHarnesses.harness(GROUP, operator, backend);
    if (restoreFrom != null) {
      harness.initializeState(restoreFrom);
    }
    harness.open();
    return harness;
  }

  /** Feeds one step, then lets processing time pass one refresh interval. */
  private static void feed(
      KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> harness, Step step,
      long processingTime) throws Exception {
    if (step.user() == null) {
      harness.processWatermark(step.time());
    } else {
      harness.processElement(new StreamRecord<>(new ClickInput(step.user(), step.amount()), step.time()));
    }
    harness.setProcessingTime(processingTime);
  }

  /** What the store holds per user: each kind's rows folded in emission order by upsert-if-newer. */
  private static Map<String, Online> onlineView(
      List<KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures>> harnesses,
      WindowSpec window) {
    Map<String, Online> view = new TreeMap<>();
    Map<String, Boolean> storedIsFinal = new TreeMap<>();
    for (var harness : harnesses) {
      for (RowKind kind : List.of(RowKind.PROVISIONAL, RowKind.COMPLETE, RowKind.TRUNCATED)) {
        for (StreamRecord<ClickFeatures> record : WindowHarnesses.rows(harness, WindowHarnesses.name(window), kind)) {
          ClickFeatures row = record.getValue();
          long asOf = record.getTimestamp();
          Online online = new Online(row.windowEnd, asOf, row.count, row.sum, row.min, row.max);
          Online stored = view.get(row.user);
          // a final row of a window is emitted after its provisional ones, so it wins a tie
          boolean newer =
              stored == null
                  || online.windowEnd() > stored.windowEnd()
                  || (online.windowEnd() == stored.windowEnd()
                      && (online.asOf() > stored.asOf()
                          || (online.asOf() == stored.asOf()
                              && (kind.isFinal() || !storedIsFinal.get(row.user)))));
          if (newer) {
            view.put(row.user, online);
            storedIsFinal.put(row.user, kind.isFinal());
          }
        }
      }
    }
    return view;
  }

  /** The documented online row per user after {@code arrivals}, by brute force. */
  private static Map<String, Online> expectedView(List<Arrival> arrivals, long watermark, WindowSpec window) {
    long size = window.sizeMillis();
    long slide = window.slideMillis();
    Map<String, Online> view = new TreeMap<>();
    for (String user : USERS) {
      List<Arrival> accepted =
          arrivals.stream().filter(a -> a.user().equals(user) && !isLate(a.time(), a.watermark())).toList();
      if (accepted.isEmpty()) {
        continue;
      }
      long newest = accepted.stream().mapToLong(Arrival::time).max().orElseThrow();
      long end = Math.floorDiv(newest, slide) * slide + slide;
      if (end - 1 > watermark) {
        view.put(user, aggregate(accepted, end - size, end, newest));
        continue;
      }
      for (long finalEnd = Math.floorDiv(watermark + 1, slide) * slide; finalEnd > newest - size; finalEnd -= slide) {
        long windowEnd = finalEnd;
        List<Arrival> inWindow =
            accepted.stream().filter(a -> a.watermark() < windowEnd - 1).toList();
        Online row = aggregate(inWindow, windowEnd - size, windowEnd, windowEnd - 1);
        if (row != null) {
          view.put(user, row);
          break;
        }
      }
    }
    return view;
  }

  /** Late: every window of every spec containing {@code time} had ended at the arrival watermark. */
  private static boolean isLate(long time, long watermark) {
    long lastEnd = Long.MIN_VALUE;
    for (WindowSpec window : WINDOWS) {
      long slide = window.slideMillis();
      lastEnd = Math.max(lastEnd, Math.floorDiv(time + window.sizeMillis(), slide) * slide);
    }
    return lastEnd - 1 <= watermark;
  }

  private static Online aggregate(List<Arrival> events, long start, long end, long asOf) {
    List<Arrival> in = events.stream().filter(a -> a.time() >= start && a.time() < end).toList();
    if (in.isEmpty()) {
      return null;
    }
    return new Online(
        end, asOf, in.size(),
        in.stream().mapToDouble(Arrival::amount).sum(),
        in.stream().mapToDouble(Arrival::amount).min().orElseThrow(),
        in.stream().mapToDouble(Arrival::amount).max().orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void theOnlineRowAfterEveryPrefixIsTheDocumentedOne(long seed) throws Exception {
    List<Step> steps = randomSteps(seed, 150);
    List<Arrival> arrivals = new ArrayList<>();
    long watermark = Long.MIN_VALUE;
    long processingTime = 0;
    int provisionalRows = 0;
    Map<WindowSpec, Integer> provisionalSeen = new java.util.HashMap<>();
    try (var harness = open("heap", REFRESH, null)) {
      for (Step step : steps) {
        processingTime += REFRESH;
        feed(harness, step, processingTime);
        if (step.user() == null) {
          watermark = Math.max(watermark, step.time());
        } else {
          arrivals.add(new Arrival(step.user(), step.time(), step.amount(), watermark));
        }
        for (WindowSpec window : WINDOWS) {
          assertEquals(
              expectedView(arrivals, watermark, window), onlineView(List.of(harness), window),
              window + " after " + arrivals.size() + " events, watermark " + watermark);
          var provisional =
              WindowHarnesses.rows(harness, WindowHarnesses.name(window), RowKind.PROVISIONAL);
          List<StreamRecord<ClickFeatures>> emitted = provisional;
          int seen = provisionalSeen.getOrDefault(window, 0);
          for (StreamRecord<ClickFeatures> record : emitted.subList(seen, emitted.size())) {
            assertTrue(record.getValue().windowEnd - 1 > watermark,
                "a provisional row of a window that has fired: " + record);
          }
          provisionalSeen.put(window, emitted.size());
        }
      }
      for (WindowSpec window : WINDOWS) {
        var output = WindowHarnesses.rows(harness, WindowHarnesses.name(window), RowKind.PROVISIONAL);
        provisionalRows += output.size();
      }
    }
    assertTrue(provisionalRows > 0, "the streams must exercise provisional rows");
  }

  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void finalRowsAreTheSameWithAndWithoutProvisionalRows(String backend) throws Exception {
    List<Step> steps = randomSteps(7, 200);
    steps.add(new Step(null, Long.MAX_VALUE, 0));
    try (var withProvisional = open(backend, REFRESH, null);
        var finalOnly = open(backend, 0, null)) {
      long processingTime = 0;
      for (Step step : steps) {
        processingTime += REFRESH;
        feed(withProvisional, step, processingTime);
        feed(finalOnly, step, processingTime);
      }
      for (WindowSpec window : WINDOWS) {
        for (RowKind kind : List.of(RowKind.COMPLETE, RowKind.TRUNCATED)) {
          var tag = WindowHarnesses.tag(WindowHarnesses.name(window), kind);
          assertEquals(String.valueOf(finalOnly.getSideOutput(tag)), String.valueOf(withProvisional.getSideOutput(tag)));
        }
        assertEquals(List.of(), WindowHarnesses.rows(finalOnly, WindowHarnesses.name(window), RowKind.PROVISIONAL));
      }
    }
  }

  /**
   * An event accepted behind the watermark (its window ending at the next boundary has fired, a
   * later one has not) gets no provisional row for the fired window; the next event's row
   * includes it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void noProvisionalRowForAWindowThatHasFired(String backend) throws Exception {
    try (var harness = open(backend, REFRESH, null)) {
      harness.processWatermark(5_999); // [2000, 6000) and [0, 6000) have fired
      harness.processElement(new StreamRecord<>(new ClickInput("b", 3), 5_500)); // counts in [4000, 8000)
      harness.setProcessingTime(REFRESH);
      for (WindowSpec window : WINDOWS) {
        assertEquals(List.of(), WindowHarnesses.rows(harness, WindowHarnesses.name(window), RowKind.PROVISIONAL));
      }
      harness.processElement(new StreamRecord<>(new ClickInput("b", 4), 7_000));
      harness.setProcessingTime(2 * REFRESH);
      var fourByTwo = new ArrayList<>(WindowHarnesses.rows(harness, WindowHarnesses.name(FOUR_BY_TWO), RowKind.PROVISIONAL));
      var sixTumbling = new ArrayList<>(WindowHarnesses.rows(harness, WindowHarnesses.name(SIX_TUMBLING), RowKind.PROVISIONAL));
      assertEquals("b@8000#2=7.0 as of 7000", describe(fourByTwo));
      assertEquals("b@12000#1=4.0 as of 7000", describe(sixTumbling));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void aJobRestoredWithProvisionalRowsOffIgnoresTheirPendingTimers(String backend) throws Exception {
    OperatorSubtaskState checkpoint;
    try (var harness = open(backend, REFRESH, null)) {
      harness.processElement(new StreamRecord<>(new ClickInput("a", 1), 1_000)); // timer pending
      checkpoint = harness.snapshot(1, 0);
    }
    try (var restored = open(backend, 0, checkpoint)) {
      restored.setProcessingTime(10 * REFRESH);
      restored.processWatermark(Long.MAX_VALUE);
      for (WindowSpec window : WINDOWS) {
        assertEquals(List.of(), WindowHarnesses.rows(restored, WindowHarnesses.name(window), RowKind.PROVISIONAL));
      }
      assertEquals(1, finalRows(restored, SIX_TUMBLING).size(), "the final row still fires");
    }
  }

  private static String describe(List<StreamRecord<ClickFeatures>> records) {
    return String.join(",", records.stream()
        .map(r -> r.getValue().user + "@" + r.getValue().windowEnd + "#" + r.getValue().count + "="
            + r.getValue().sum + " as of " + r.getTimestamp())
        .toList());
  }

  /**
   * A hot key gets at most one provisional row per window and refresh interval, however many
   * events it receives.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 500})
  void aHotKeyEmitsAtMostOneRowPerInterval(int eventsPerInterval) throws Exception {
    try (var harness = open("heap", REFRESH, null)) {
      long time = 10_000;
      for (int interval = 1; interval <= 5; interval++) {
        time++;
        for (int i = 0; i < eventsPerInterval; i++) {
          harness.processElement(new StreamRecord<>(new ClickInput("hot", 1), time - i % 2));
        }
        harness.setProcessingTime(interval * REFRESH);
      }
      harness.setProcessingTime(20 * REFRESH); // an idle key emits nothing
      for (WindowSpec window : WINDOWS) {
        var output = WindowHarnesses.rows(harness, WindowHarnesses.name(window), RowKind.PROVISIONAL);
        assertEquals(5, output.size(), window.toString());
        StreamRecord<ClickFeatures> last = new ArrayList<>(output).get(4);
        assertEquals(time, last.getTimestamp(), "as of the newest event");
        assertEquals(5L * eventsPerInterval, last.getValue().count);
      }
    }
  }

  /**
   * Restored from a checkpoint mid-stream and replayed from there, the store (rows written before
   * and after the failure) holds what an uninterrupted run leaves, and the final rows up to the
   * checkpoint plus those after the restore are the uninterrupted run's (what the offline store's
   * checkpoint-committed files get).
   */
  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void aRestoreMidStreamLeavesTheStoresAsAnUninterruptedRun(String backend) throws Exception {
    List<Step> steps = randomSteps(11, 160);
    int checkpointAt = steps.size() / 2;
    int failAt = checkpointAt + 30;
    try (var uninterrupted = open(backend, REFRESH, null)) {
      long processingTime = 0;
      for (Step step : steps) {
        feed(uninterrupted, step, processingTime += REFRESH);
      }
      OperatorSubtaskState checkpoint;
      Map<WindowSpec, List<String>> finalsAtCheckpoint = new TreeMap<>(java.util.Comparator.comparing(WindowSpec::toString));
      var failed = open(backend, REFRESH, null);
      processingTime = 0;
      for (int i = 0; i < checkpointAt; i++) {
        feed(failed, steps.get(i), processingTime += REFRESH);
      }
      checkpoint = failed.snapshot(1, processingTime);
      for (WindowSpec window : WINDOWS) {
        finalsAtCheckpoint.put(window, finalRows(failed, window));
      }
      long afterCheckpoint = processingTime;
      for (int i = checkpointAt; i < failAt; i++) {
        feed(failed, steps.get(i), processingTime += REFRESH);
      }
      failed.close();
      try (var restored = open(backend, REFRESH, checkpoint)) {
        restored.setProcessingTime(afterCheckpoint);
        processingTime = afterCheckpoint;
        for (int i = checkpointAt; i < steps.size(); i++) {
          feed(restored, steps.get(i), processingTime += REFRESH);
        }
        for (WindowSpec window : WINDOWS) {
          assertEquals(onlineView(List.of(uninterrupted), window), onlineView(List.of(failed, restored), window));
          List<String> offline = new ArrayList<>(finalsAtCheckpoint.get(window));
          offline.addAll(finalRows(restored, window));
          assertEquals(sorted(finalRows(uninterrupted, window)), sorted(offline));
        }
      }
    }
  }

  /**
   * Each provisional row carries the processing time at which the oldest event it newly shows
   * arrived: the key's first event since its previous refresh, not the newest one nor the refresh.
   */
  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void provisionalRowsCarryTheArrivalOfTheOldestEventTheyNewlyShow(String backend) throws Exception {
    try (var harness = open(backend, REFRESH, null)) {
      long firstInterval = 10 * REFRESH;
      harness.setProcessingTime(firstInterval + 7);
      harness.processElement(new StreamRecord<>(new ClickInput("a", 1), 1_000));
      harness.setProcessingTime(firstInterval + 40);
      harness.processElement(new StreamRecord<>(new ClickInput("a", 2), 1_100));
      harness.setProcessingTime(firstInterval + REFRESH); // refresh: shows both events
      harness.setProcessingTime(firstInterval + REFRESH + 3);
      harness.processElement(new StreamRecord<>(new ClickInput("a", 4), 1_050));
      harness.setProcessingTime(firstInterval + 2 * REFRESH);

      for (WindowSpec window : WINDOWS) {
        List<Long> arrivals =
            WindowHarnesses.provisionalWithArrival(harness, WindowHarnesses.name(window)).stream()
                .map(row -> row.getValue().f1)
                .toList();
        assertEquals(List.of(firstInterval + 7, firstInterval + REFRESH + 3), arrivals, window.toString());
      }
    }
  }

  private static List<String> sorted(List<String> rows) {
    // rows of one watermark have no defined order across keys
    return rows.stream().sorted().toList();
  }

  private static List<String> finalRows(
      KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> harness, WindowSpec window) {
    List<String> rows = new ArrayList<>();
    for (RowKind kind : List.of(RowKind.COMPLETE, RowKind.TRUNCATED)) {
      var output = harness.getSideOutput(WindowHarnesses.tag(WindowHarnesses.name(window), kind));
      if (output != null) {
        output.forEach(record -> rows.add(kind + " " + record.getValue()));
      }
    }
    return rows;
  }
}
