package io.featuresdk.runtime.window;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.operators.KeyContext;

/**
 * A mini-batch in front of a serializing state backend (RocksDB): the per-key values of an
 * operator, read once from the backend, then kept decoded in heap, read and changed there, and
 * written back once per key per batch. Every event and fire of a key in one batch shares one
 * backend read (a get plus a deserialization) and one write per state, instead of one per access:
 * an event's slice update, the fires of its windows, the frees after them and the provisional
 * rows' bookkeeping.
 *
 * <p><b>When it is written back.</b> When a state's batch holds {@code maxKeys} keys and a further
 * key is read, and at every checkpoint and savepoint (the operator calls {@link #flush()} from
 * {@code snapshotState}, which Flink runs at the barrier before it snapshots the keyed backend),
 * so every checkpoint and savepoint holds exactly what an unbatched operator would have written. A restored operator starts with an empty batch.
 *
 * <p><b>No added latency.</b> The operator reads its state only through the batch, so an event is
 * in the next row, fire or provisional row exactly as without the batch: nothing waits for a
 * flush, rows are emitted at the same watermark as without it. The batch only delays when the
 * backend sees a write, which no one reads but a checkpoint. Its cost is heap: at most {@code
 * maxKeys} decoded values per state.
 *
 * <p>Values are handed out by reference: a caller that changes one must call {@link
 * ValueState#update} (as it must on RocksDB anyway), and must not keep one across a flush. Keys are
 * held as the key selector returned them, so they must not change afterwards: the generated key
 * selectors return a boxed value or a {@code String}.
 */
final class KeyedStateMiniBatch {
  private final KeyContext keys;
  private final int maxKeys;
  private final List<BatchedValueState<?>> states = new ArrayList<>();

  /**
   * @param keys the operator, whose current key selects the value read or written
   * @param maxKeys how many keys' values each state keeps before it is written back
   */
  KeyedStateMiniBatch(KeyContext keys, int maxKeys) {
    if (maxKeys <= 0) {
      throw new IllegalArgumentException("a mini-batch holds at least one key, got " + maxKeys);
    }
    this.keys = keys;
    this.maxKeys = maxKeys;
  }

  /** The backend state {@code state}, read and written through this batch. */
  <T> ValueState<T> batched(ValueState<T> state) {
    BatchedValueState<T> batched = new BatchedValueState<>(state);
    states.add(batched);
    return batched;
  }

  /** Writes every changed value back to the backend and empties the batch. */
  void flush() throws IOException {
    Object current = keys.getCurrentKey();
    try {
      for (BatchedValueState<?> state : states) {
        state.writeBack();
      }
    } finally {
      if (current != null) {
        keys.setCurrentKey(current);
      }
    }
  }

  /** The number of keys whose values are held in heap (for tests). */
  int heldKeys() {
    int held = 0;
    for (BatchedValueState<?> state : states) {
      held = Math.max(held, state.cells.size());
    }
    return held;
  }

  /** A value of one key as the batch holds it; {@code value == null} means absent. */
  private static final class Cell<T> {
    T value;
    boolean changed;

    Cell(T value) {
      this.value = value;
    }
  }

  private final class BatchedValueState<T> implements ValueState<T> {
    private final ValueState<T> backend;
    private final Map<Object, Cell<T>> cells = new HashMap<>();

    BatchedValueState(ValueState<T> backend) {
      this.backend = backend;
    }

    @Override
    public T value() throws IOException {
      Object key = keys.getCurrentKey();
      Cell<T> cell = cells.get(key);
      if (cell == null) {
        cell = add(key, backend.value());
      }
      return cell.value;
    }

    @Override
    public void update(T value) throws IOException {
      Object key = keys.getCurrentKey();
      Cell<T> cell = cells.get(key);
      if (cell == null) {
        // overwritten whole: no need to read the backend's value
        cell = add(key, value);
      }
      cell.value = value;
      cell.changed = true;
    }

    @Override
    public void clear() {
      try {
        update(null);
      } catch (IOException e) {
        throw new UncheckedIOException("could not write back the mini-batch before clearing a value", e);
      }
    }

    /** Holds the key's value, writing the batch back first when it is full. */
    private Cell<T> add(Object key, T value) throws IOException {
      if (cells.size() >= maxKeys) {
        flush();
      }
      Cell<T> cell = new Cell<>(value);
      cells.put(key, cell);
      return cell;
    }

    private void writeBack() throws IOException {
      for (Map.Entry<Object, Cell<T>> entry : cells.entrySet()) {
        Cell<T> cell = entry.getValue();
        if (cell.changed) {
          keys.setCurrentKey(entry.getKey());
          if (cell.value == null) {
            backend.clear();
          } else {
            backend.update(cell.value);
          }
        }
      }
      cells.clear();
    }
  }
}
