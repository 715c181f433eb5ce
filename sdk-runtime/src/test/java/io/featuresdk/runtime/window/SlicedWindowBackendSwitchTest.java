package io.featuresdk.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.flink.RocksDbBackend;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.testing.Click;
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
import java.util.stream.Stream;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.SavepointType;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A savepoint in Flink's canonical format taken on one state backend restores on the other (heap
 * to RocksDB and RocksDB to heap), in both slice layouts: the rows emitted before the savepoint
 * plus those after the restore equal the brute-force oracle's, each window once. Flink allows the
 * switch only when both backends hold the same state, which is why the slice layout depends on the
 * windows and never on the backend.
 */
class SlicedWindowBackendSwitchTest {
  private static final int KEYS = 5;
  private static final long T0 = 1_700_000_000_000L;

  static Stream<Arguments> switches() {
    // largest window 60 slices: all of a key's slices in one value
    List<WindowSpec> packed = List.of(sliding(5, 1), sliding(60, 1));
    // 300 slices: one value per slice, two stacks
    List<WindowSpec> perSlice = List.of(sliding(10, 1), sliding(300, 1));
    return Stream.of(
        Arguments.of("packed, heap to RocksDB", packed, "heap", "rocksdb"),
        Arguments.of("packed, RocksDB to heap", packed, "rocksdb", "heap"),
        Arguments.of("per slice, heap to RocksDB", perSlice, "heap", "rocksdb"),
        Arguments.of("per slice, RocksDB to heap", perSlice, "rocksdb", "heap"));
  }

  private static WindowSpec sliding(long sizeSeconds, long slideSeconds) {
    return WindowSpec.sliding(Duration.ofSeconds(sizeSeconds), Duration.ofSeconds(slideSeconds));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("switches")
  void aCanonicalSavepointRestoresOnTheOtherBackendToTheOraclesRows(
      String name, List<WindowSpec> windows, String from, String to) throws Exception {
    Random random = new Random(name.hashCode());
    List<Click> events = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      events.add(new Click("u" + random.nextInt(KEYS), T0 + i * 250L, random.nextInt(10_000) / 100.0));
    }
    ClickFeatureGroup group =
        new ClickFeatureGroup("clicks_{window}", Duration.ZERO, true, windows.toArray(WindowSpec[]::new));
    int half = events.size() / 2;

    Map<WindowSpec, List<ClickFeatures>> emitted = new TreeMap<>(SlicedWindowBackendSwitchTest::order);
    OperatorSubtaskState savepoint;
    try (var harness = harness(group, windows, from)) {
      harness.open();
      feed(harness, events.subList(0, half));
      savepoint =
          harness
              .snapshotWithLocalState(1, 1, SavepointType.savepoint(SavepointFormatType.CANONICAL))
              .getJobManagerOwnedState();
      for (WindowSpec window : windows) {
        emitted.put(window, new ArrayList<>(WindowHarnesses.rows(harness, WindowHarnesses.name(window))));
      }
    }
    try (var harness = harness(group, windows, to)) {
      harness.initializeState(savepoint);
      harness.open();
      feed(harness, events.subList(half, events.size()));
      harness.processWatermark(Long.MAX_VALUE);
      for (WindowSpec window : windows) {
        emitted.get(window).addAll(WindowHarnesses.rows(harness, WindowHarnesses.name(window)));
      }
    }

    for (WindowSpec window : windows) {
      Map<String, ClickFeatures> got = new TreeMap<>();
      for (ClickFeatures row : emitted.get(window)) {
        assertEquals(null, got.put(ClickOracle.id(row), row), () -> name + ": emitted twice: " + ClickOracle.id(row));
      }
      Map<String, ClickFeatures> want = ClickOracle.rows(events, window);
      assertEquals(want.keySet(), got.keySet(), name + " " + window + ": windows emitted");
      for (Map.Entry<String, ClickFeatures> entry : want.entrySet()) {
        ClickFeatures w = entry.getValue();
        ClickFeatures g = got.get(entry.getKey());
        String id = name + " " + window + " " + entry.getKey();
        assertEquals(w.count, g.count, id);
        assertEquals(w.min, g.min, 0.0, id);
        assertEquals(w.max, g.max, 0.0, id);
        assertTrue(Math.abs(w.sum - g.sum) <= 1e-9 * Math.max(1, Math.abs(w.sum)), id);
      }
    }
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> harness(
      ClickFeatureGroup group, List<WindowSpec> windows, String backend) throws Exception {
    var harness = WindowHarnesses.harness(group, WindowHarnesses.sliced(group, windows));
    StateBackend stateBackend = backend.equals("rocksdb") ? RocksDbBackend.embedded() : new HashMapStateBackend();
    harness.setStateBackend(stateBackend);
    return harness;
  }

  /** Feeds each event followed by the watermark just below its time. */
  private static void feed(
      KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> harness, List<Click> events)
      throws Exception {
    for (Click event : events) {
      harness.processElement(new StreamRecord<>(new ClickInput(event.user, event.amount), event.timeMillis));
      harness.processWatermark(event.timeMillis - 1);
    }
  }

  private static int order(WindowSpec a, WindowSpec b) {
    return a.sizeMillis() != b.sizeMillis()
        ? Long.compare(a.sizeMillis(), b.sizeMillis())
        : Long.compare(a.slideMillis(), b.slideMillis());
  }
}
