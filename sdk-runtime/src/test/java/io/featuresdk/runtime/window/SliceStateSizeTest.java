package io.featuresdk.runtime.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.flink.RocksDbBackend;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.testing.ClickAccumulator;
import io.featuresdk.runtime.testing.ClickAccumulatorSerializer;
import io.featuresdk.runtime.testing.ClickFeatureGroup;
import io.featuresdk.runtime.testing.ClickInput;
import java.time.Duration;
import java.util.List;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.checkpoint.SavepointType;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * State size per key, measured as the size of a canonical savepoint of the sliced operator
 * divided by its keys, after every key has had an event in every slice long enough to hold a
 * full largest window: on the heap and on RocksDB, it is the live slices times the size of one
 * serialized accumulator plus a small constant (the key, the slot array's header, the fired
 * horizon, the first window ends and the pending timer). It grows with the slices of the largest
 * window and nothing else: O(slices). The printed figures are the README's.
 */
class SliceStateSizeTest {
  private static final int KEYS = 200;
  private static final long T0 = 1_700_000_040_000L;
  /** Per key, besides the accumulators (measured: 136 bytes on both backends). */
  private static final long PER_KEY_CONSTANT = 200;

  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void perKeyTheLiveSlicesTimesOneAccumulatorPlusAConstant(String backend) throws Exception {
    long accumulator = accumulatorBytes();
    double at30 = bytesPerKey(backend, 30);
    double at60 = bytesPerKey(backend, 60);
    System.out.printf(
        "%s: %.0f bytes per key with a largest window of 30 slices, %.0f with 60; one accumulator %d bytes%n",
        backend, at30, at60, accumulator);
    for (int[] run : new int[][] {{30, (int) at30}, {60, (int) at60}}) {
      long slices = run[0];
      assertTrue(run[1] >= slices * accumulator, backend + ": every live slice is counted");
      assertTrue(
          run[1] <= slices * (accumulator + 1) + PER_KEY_CONSTANT,
          backend + ": " + run[1] + " bytes per key for " + slices + " slices");
    }
    double perSlice = (at60 - at30) / 30;
    assertTrue(
        perSlice >= accumulator && perSlice <= accumulator + 2,
        backend + ": each further slice adds one accumulator, got " + perSlice + " bytes");
  }

  /** A canonical savepoint's bytes per key, every key with an event in each of the last slices. */
  private static double bytesPerKey(String backend, int largestSlices) throws Exception {
    List<WindowSpec> windows =
        List.of(sliding(5), sliding(10), sliding(largestSlices));
    ClickFeatureGroup group =
        new ClickFeatureGroup("clicks_{window}", Duration.ZERO, true, windows.toArray(WindowSpec[]::new));
    try (var harness = WindowHarnesses.harness(group, WindowHarnesses.sliced(group, windows))) {
      harness.setStateBackend(backend.equals("rocksdb") ? RocksDbBackend.embedded() : new HashMapStateBackend());
      harness.open();
      // 2 full largest windows of slices, so the oldest live slice is exactly one window back
      long end = T0 + 2L * largestSlices * 1_000;
      for (long t = T0; t < end; t += 1_000) {
        for (int key = 0; key < KEYS; key++) {
          harness.processElement(new StreamRecord<>(new ClickInput(String.format("u%03d", key), 1.0), t));
        }
        harness.processWatermark(t);
      }
      long bytes =
          harness
              .snapshotWithLocalState(1, 1, SavepointType.savepoint(SavepointFormatType.CANONICAL))
              .getJobManagerOwnedState()
              .getManagedKeyedState()
              .stream()
              .mapToLong(handle -> handle.getStateSize())
              .sum();
      return bytes / (double) KEYS;
    }
  }

  private static WindowSpec sliding(long sizeSeconds) {
    return WindowSpec.sliding(Duration.ofSeconds(sizeSeconds), Duration.ofSeconds(1));
  }

  private static long accumulatorBytes() throws Exception {
    ClickAccumulator accumulator = new ClickAccumulator();
    accumulator.user = "u000";
    DataOutputSerializer out = new DataOutputSerializer(64);
    new ClickAccumulatorSerializer().serialize(accumulator, out);
    return out.length();
  }
}
