package io.featuresdk.runtime.spi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The accumulator state of {@code @LastN} and {@code @FirstN}: at most {@code capacity} values with
 * their event times, ordered by (event time, arrival), keeping either the latest or the earliest.
 * Of equal times, a value added later counts as later, so merging a later slice into an earlier
 * one ({@link #mergeLater}) keeps the order that adding the events one by one would give. Keeping
 * the latest (or earliest) {@code n} of each slice and of the merge gives the window's {@code n}
 * latest (earliest): a value outside a slice's {@code n} has {@code n} later (earlier) ones beside
 * it. With {@code distinct}, a value is kept once, at its latest (earliest) occurrence.
 *
 * @param <T> the value type, one of {@link ListElement}'s
 */
public final class EventTimeValues<T> {
  private final int capacity;
  private final boolean keepLatest;
  private final boolean distinct;
  private long[] times;
  private Object[] values;
  private int size;

  /**
   * @param capacity the most values kept, at least 1
   * @param keepLatest keep the latest values ({@code @LastN}), else the earliest ({@code @FirstN})
   * @param distinct keep each value once
   */
  public EventTimeValues(int capacity, boolean keepLatest, boolean distinct) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, but is " + capacity);
    }
    this.capacity = capacity;
    this.keepLatest = keepLatest;
    this.distinct = distinct;
    int initial = Math.min(capacity, 8);
    this.times = new long[initial];
    this.values = new Object[initial];
  }

  /** Adds a non-null value with its event time, after every value added before. */
  public void add(long time, T value) {
    Objects.requireNonNull(value, "value");
    if (distinct && !replacesEqualValue(time, value)) {
      return;
    }
    int position = insertionPoint(time);
    if (size == capacity) {
      if (keepLatest) {
        if (position == 0) {
          return; // older than all kept values
        }
        remove(0);
        position--;
      } else {
        if (position == size) {
          return; // later than (or, of equal time, after) all kept values
        }
        remove(size - 1);
      }
    }
    insert(position, time, value);
  }

  /** Adds every value of {@code later}, whose events arrived after this one's. */
  @SuppressWarnings("unchecked")
  public void mergeLater(EventTimeValues<T> later) {
    for (int i = 0; i < later.size; i++) {
      add(later.times[i], (T) later.values[i]);
    }
  }

  /** The kept values, oldest first. */
  @SuppressWarnings("unchecked")
  public List<T> toList() {
    List<T> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add((T) values[i]);
    }
    return list;
  }

  /** How many values are kept. */
  public int size() {
    return size;
  }

  /** An independent copy: Flink copies state that a later merge changes in place. */
  public EventTimeValues<T> copy() {
    EventTimeValues<T> copy = new EventTimeValues<>(capacity, keepLatest, distinct);
    copy.times = Arrays.copyOf(times, Math.max(size, 1));
    copy.values = Arrays.copyOf(values, Math.max(size, 1));
    copy.size = size;
    return copy;
  }

  /** Writes the settings and the kept (time, value) pairs. */
  public void write(ListElement element, DataOutputView target) throws IOException {
    target.writeInt(capacity);
    target.writeBoolean(keepLatest);
    target.writeBoolean(distinct);
    target.writeInt(size);
    for (int i = 0; i < size; i++) {
      target.writeLong(times[i]);
      element.writeValue(values[i], target);
    }
  }

  /** Reads what {@link #write} wrote. */
  @SuppressWarnings("unchecked")
  public static <T> EventTimeValues<T> read(ListElement element, DataInputView source)
      throws IOException {
    EventTimeValues<T> state =
        new EventTimeValues<>(source.readInt(), source.readBoolean(), source.readBoolean());
    int size = source.readInt();
    state.times = new long[Math.max(size, 1)];
    state.values = new Object[Math.max(size, 1)];
    for (int i = 0; i < size; i++) {
      state.times[i] = source.readLong();
      state.values[i] = element.readValue(source);
    }
    state.size = size;
    return state;
  }

  /**
   * With {@code distinct}: whether the value should be inserted, after removing its kept
   * occurrence if the new one replaces it (later for latest, strictly earlier for earliest).
   */
  private boolean replacesEqualValue(long time, T value) {
    for (int i = 0; i < size; i++) {
      if (values[i].equals(value)) {
        boolean replaces = keepLatest ? time >= times[i] : time < times[i];
        if (replaces) {
          remove(i);
        }
        return replaces;
      }
    }
    return true;
  }

  /** The index after every kept value with a time at or before {@code time}. */
  private int insertionPoint(long time) {
    int low = 0;
    int high = size;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (times[middle] <= time) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private void insert(int position, long time, Object value) {
    if (size == times.length) {
      int grown = Math.min(capacity, times.length * 2);
      times = Arrays.copyOf(times, grown);
      values = Arrays.copyOf(values, grown);
    }
    System.arraycopy(times, position, times, position + 1, size - position);
    System.arraycopy(values, position, values, position + 1, size - position);
    times[position] = time;
    values[position] = value;
    size++;
  }

  private void remove(int position) {
    System.arraycopy(times, position + 1, times, position, size - position - 1);
    System.arraycopy(values, position + 1, values, position, size - position - 1);
    size--;
    values[size] = null;
  }
}
