package io.featuresdk.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.flink.RocksDbBackend;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.testing.ClickFeatureGroup;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyContext;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The mini-batch in front of RocksDB: bounded, written back in full, and adding no latency. */
class KeyedStateMiniBatchTest {

  @Test
  void holdsAtMostItsKeysAndWritesBackEveryChangeIncludingClears() throws Exception {
    FakeKeys keys = new FakeKeys();
    FakeState backend = new FakeState(keys);
    KeyedStateMiniBatch batch = new KeyedStateMiniBatch(keys, 2);
    ValueState<Long> state = batch.batched(backend);
    backend.stored.put("gone", 9L);
    for (String key : List.of("a", "b", "gone", "c", "a")) {
      keys.setCurrentKey(key);
      Long value = state.value();
      if (key.equals("gone")) {
        assertEquals(9L, value, "read from the backend on the key's first access");
        state.clear();
      } else {
        state.update(value == null ? 1L : value + 1);
      }
      assertTrue(batch.heldKeys() <= 2, "held " + batch.heldKeys() + " keys");
      assertEquals(key, keys.getCurrentKey(), "a write-back restores the current key");
    }
    batch.flush();
    assertEquals(Map.of("a", 2L, "b", 1L, "c", 1L), backend.stored);
    assertEquals(0, batch.heldKeys());
  }

  /** With empty rows and provisional rows on, so every per-key value goes through the batch. */
  @Test
  void onRocksDbEveryBatchSizeEmitsTheSameRowsAtTheSameWatermarks() throws Exception {
    List<WindowSpec> windows =
        List.of(WindowSpec.sliding(Duration.ofSeconds(5), Duration.ofSeconds(1)),
            WindowSpec.tumbling(Duration.ofSeconds(3)));
    ClickFeatureGroup group =
        new ClickFeatureGroup("clicks_{window}", Duration.ZERO, true, windows.toArray(WindowSpec[]::new));
    List<KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures>> harnesses = new ArrayList<>();
    for (int miniBatchKeys : new int[] {0, 1, 3, SlicedWindowOperator.DEFAULT_MINI_BATCH_KEYS}) {
      harnesses.add(harness(group, windows, miniBatchKeys));
    }
    Random random = new Random(7);
    long t = 1_700_000_000_000L;
    try {
      for (var harness : harnesses) {
        harness.open();
      }
      for (int i = 0; i < 400; i++) {
        t += random.nextInt(400);
        // some events behind the watermark, into windows still open or already fired
        long time = t - random.nextInt(1_500);
        ClickInput event = new ClickInput("u" + random.nextInt(6), random.nextInt(1_000) / 10.0);
        for (var harness : harnesses) {
          harness.processElement(new StreamRecord<>(event, time));
          if (i % 5 == 4) {
            harness.processWatermark(t - 1_000);
          }
        }
        for (var harness : harnesses) {
          harness.setProcessingTime(i * 50L);
        }
        List<String> unbatched = rows(harnesses.get(0), windows);
        for (var harness : harnesses.subList(1, harnesses.size())) {
          assertEquals(unbatched.toString(), rows(harness, windows).toString(), "after input " + i);
        }
      }
      for (RowKind kind : RowKind.values()) {
        String name = WindowHarnesses.name(windows.get(0));
        assertTrue(!WindowHarnesses.rows(harnesses.get(0), name, kind).isEmpty(), kind + " rows were emitted");
      }
    } finally {
      for (var harness : harnesses) {
        harness.close();
      }
    }
  }

  /** Every row of every kind so far, with its timestamp, per window and kind. */
  private static List<String> rows(
      KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> harness, List<WindowSpec> windows) {
    List<String> rows = new ArrayList<>();
    for (WindowSpec window : windows) {
      for (RowKind kind : RowKind.values()) {
        rows.add(window + " " + kind + " " + WindowHarnesses.rows(harness, WindowHarnesses.name(window), kind));
      }
    }
    return rows;
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> harness(
      ClickFeatureGroup group, List<WindowSpec> windows, int miniBatchKeys) throws Exception {
    List<String> names = new ArrayList<>();
    for (WindowSpec window : windows) {
      names.add(WindowHarnesses.name(window));
    }
    var operator =
        new SlicedWindowOperator<>(
            windows, group.aggregation(), group.accumulatorType(),
            new WindowOutputs<>(names, Types.POJO(ClickFeatures.class)), WindowCompleteness.inferred(),
            SlicedWindowOperator.DEFAULT_STACK_THRESHOLD, 200, group.rowTypeInfo(), 0, miniBatchKeys);
    var harness = WindowHarnesses.harness(group, operator);
    harness.setStateBackend(RocksDbBackend.embedded());
    return harness;
  }

  private static final class FakeKeys implements KeyContext {
    private Object current;

    @Override
    public void setCurrentKey(Object key) {
      current = key;
    }

    @Override
    public Object getCurrentKey() {
      return current;
    }
  }

  /** A keyed value per key of {@link FakeKeys}, as a backend would keep it. */
  private static final class FakeState implements ValueState<Long> {
    final Map<Object, Long> stored = new HashMap<>();
    private final FakeKeys keys;

    FakeState(FakeKeys keys) {
      this.keys = keys;
    }

    @Override
    public Long value() {
      return stored.get(keys.getCurrentKey());
    }

    @Override
    public void update(Long value) {
      if (value == null) {
        throw new AssertionError("a clear was written as an update to null");
      }
      stored.put(keys.getCurrentKey(), value);
    }

    @Override
    public void clear() {
      stored.remove(keys.getCurrentKey());
    }
  }
}
