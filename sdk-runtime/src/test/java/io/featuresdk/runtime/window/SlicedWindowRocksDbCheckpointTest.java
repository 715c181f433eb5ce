package io.featuresdk.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.IncrementalKeyedStateHandle;
import org.apache.flink.runtime.state.IncrementalRemoteKeyedStateHandle;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.KeyedStateHandle;
import org.apache.flink.runtime.state.PlaceholderStreamStateHandle;
import org.apache.flink.runtime.state.SharedStateRegistry;
import org.apache.flink.runtime.state.SharedStateRegistryImpl;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sliced operator on RocksDB with incremental checkpoints, in both of its RocksDB layouts and
 * with a mini-batch holding every key or a single one (written back at almost every access):
 * checkpointed twice in the incremental (native) format, the first confirmed, so the second
 * reuses the first one's files; restored from the second (its reused files resolved by a shared
 * state registry, as the checkpoint coordinator does) at twice the parallelism, and the rows
 * emitted before the checkpoint plus those of the two restored subtasks equal the brute-force
 * oracle's, each window once.
 */
class SlicedWindowRocksDbCheckpointTest {
  private static final int MAX_PARALLELISM = 128;
  private static final int KEYS = 6;
  private static final long T0 = 1_700_000_000_000L;

  static Stream<Arguments> layouts() {
    // largest window 60 slices: all of a key's slices in one value
    List<WindowSpec> packed = List.of(sliding(5, 1), sliding(10, 2), sliding(60, 1));
    // 300 slices: one value per slice, two stacks
    List<WindowSpec> perSlice = List.of(sliding(10, 1), sliding(300, 1));
    return Stream.of(
        Arguments.of("packed", packed, SlicedWindowOperator.DEFAULT_MINI_BATCH_KEYS),
        Arguments.of("packed, mini-batch of 1 key", packed, 1),
        Arguments.of("per slice", perSlice, SlicedWindowOperator.DEFAULT_MINI_BATCH_KEYS),
        Arguments.of("per slice, mini-batch of 1 key", perSlice, 1));
  }

  private static WindowSpec sliding(long sizeSeconds, long slideSeconds) {
    return WindowSpec.sliding(Duration.ofSeconds(sizeSeconds), Duration.ofSeconds(slideSeconds));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layouts")
  void aSecondIncrementalCheckpointReusesTheFirstsFilesAndRestoresAtTwiceTheParallelismToTheOracle(
      String layout, List<WindowSpec> windows, int miniBatchKeys) throws Exception {
    Random random = new Random(layout.hashCode());
    List<Click> events = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      // in time order (nothing late), keys at random, some slots empty for some keys
      events.add(new Click("u" + random.nextInt(KEYS), T0 + i * 250L, random.nextInt(10_000) / 100.0));
    }
    ClickFeatureGroup group =
        new ClickFeatureGroup("clicks_{window}", Duration.ZERO, true, windows.toArray(WindowSpec[]::new));
    int first = events.size() / 3;
    int second = 2 * events.size() / 3;

    Map<WindowSpec, List<ClickFeatures>> committed = new TreeMap<>(SlicedWindowRocksDbCheckpointTest::order);
    OperatorSubtaskState earlier;
    OperatorSubtaskState checkpoint;
    try (var harness = harness(group, windows, miniBatchKeys, 1, 0)) {
      harness.open();
      feed(harness, events, 0, first, 0, 1);
      earlier = harness.snapshot(1, 1);
      harness.notifyOfCompletedCheckpoint(1);
      feed(harness, events, first, second, 0, 1);
      checkpoint = harness.snapshot(2, 2);
      for (WindowSpec window : windows) {
        committed.put(window, new ArrayList<>(WindowHarnesses.rows(harness, WindowHarnesses.name(window))));
      }
    }
    assertReusesFilesOf(earlier, checkpoint, layout);

    for (int subtask = 0; subtask < 2; subtask++) {
      try (var harness = harness(group, windows, miniBatchKeys, 2, subtask)) {
        harness.initializeState(
            AbstractStreamOperatorTestHarness.repartitionOperatorState(checkpoint, MAX_PARALLELISM, 1, 2, subtask));
        harness.open();
        feed(harness, events, second, events.size(), subtask, 2);
        harness.processWatermark(Long.MAX_VALUE);
        for (WindowSpec window : windows) {
          committed.get(window).addAll(WindowHarnesses.rows(harness, WindowHarnesses.name(window)));
        }
      }
    }

    for (WindowSpec window : windows) {
      Map<String, ClickFeatures> got = new TreeMap<>();
      for (ClickFeatures row : committed.get(window)) {
        assertEquals(null, got.put(ClickOracle.id(row), row), () -> "emitted twice: " + ClickOracle.id(row));
      }
      Map<String, ClickFeatures> want = ClickOracle.rows(events, window);
      assertEquals(want.keySet(), got.keySet(), layout + " " + window + ": windows emitted");
      for (Map.Entry<String, ClickFeatures> entry : want.entrySet()) {
        ClickFeatures w = entry.getValue();
        ClickFeatures g = got.get(entry.getKey());
        String id = layout + " " + window + " " + entry.getKey();
        assertEquals(w.count, g.count, id);
        assertEquals(w.min, g.min, 0.0, id);
        assertEquals(w.max, g.max, 0.0, id);
        assertTrue(Math.abs(w.sum - g.sum) <= 1e-9 * Math.max(1, Math.abs(w.sum)), id);
      }
    }
  }

  /**
   * Checks that {@code later}, taken after {@code earlier} was confirmed, uploaded less than its
   * full state and refers to some of {@code earlier}'s files instead of uploading them again;
   * then resolves those references the way the checkpoint coordinator does, so {@code later} can
   * be restored.
   */
  private static void assertReusesFilesOf(OperatorSubtaskState earlier, OperatorSubtaskState later, String layout) {
    SharedStateRegistry registry = new SharedStateRegistryImpl();
    Set<String> earlierFiles = new HashSet<>();
    for (KeyedStateHandle handle : earlier.getManagedKeyedState()) {
      IncrementalRemoteKeyedStateHandle incremental =
          assertInstanceOf(IncrementalRemoteKeyedStateHandle.class, handle, "an incremental checkpoint");
      for (IncrementalKeyedStateHandle.HandleAndLocalPath file : incremental.getSharedState()) {
        earlierFiles.add(file.getLocalPath());
      }
      incremental.registerSharedStates(registry, 1);
    }
    for (KeyedStateHandle handle : later.getManagedKeyedState()) {
      IncrementalRemoteKeyedStateHandle incremental =
          assertInstanceOf(IncrementalRemoteKeyedStateHandle.class, handle, "an incremental checkpoint");
      int reused = 0;
      for (IncrementalKeyedStateHandle.HandleAndLocalPath file : incremental.getSharedState()) {
        if (file.getHandle() instanceof PlaceholderStreamStateHandle) {
          assertTrue(earlierFiles.contains(file.getLocalPath()), layout + ": reused " + file.getLocalPath());
          reused++;
        }
      }
      assertTrue(reused > 0, layout + ": the second checkpoint reuses a file of the first");
      assertTrue(
          incremental.getCheckpointedSize() < incremental.getStateSize(),
          layout + ": uploaded " + incremental.getCheckpointedSize() + " of " + incremental.getStateSize() + " bytes");
      incremental.registerSharedStates(registry, 2);
    }
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> harness(
      ClickFeatureGroup group, List<WindowSpec> windows, int miniBatchKeys, int parallelism, int subtask)
      throws Exception {
    List<String> names = new ArrayList<>();
    for (WindowSpec window : windows) {
      names.add(WindowHarnesses.name(window));
    }
    var operator =
        new SlicedWindowOperator<>(
            windows, group.aggregation(), group.accumulatorType(),
            new WindowOutputs<>(names, Types.POJO(ClickFeatures.class)), WindowCompleteness.inferred(),
            SlicedWindowOperator.DEFAULT_STACK_THRESHOLD, 0, null, 0, miniBatchKeys);
    var harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            operator, group.keySelector(), group.keyType(), MAX_PARALLELISM, parallelism, subtask);
    harness.setStateBackend(new EmbeddedRocksDBStateBackend(true));
    return harness;
  }

  /**
   * Feeds the events {@code [from, to)} of the keys this subtask owns, each followed by the
   * watermark every subtask gets: the event's time minus one.
   */
  private static void feed(
      KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> harness,
      List<Click> events, int from, int to, int subtask, int parallelism) throws Exception {
    for (Click event : events.subList(from, to)) {
      if (KeyGroupRangeAssignment.assignKeyToParallelOperator(event.user, MAX_PARALLELISM, parallelism)
          == subtask) {
        harness.processElement(new StreamRecord<>(new ClickInput(event.user, event.amount), event.timeMillis));
      }
      harness.processWatermark(event.timeMillis - 1);
    }
  }

  private static int order(WindowSpec a, WindowSpec b) {
    return a.sizeMillis() != b.sizeMillis()
        ? Long.compare(a.sizeMillis(), b.sizeMillis())
        : Long.compare(a.slideMillis(), b.slideMillis());
  }
}
