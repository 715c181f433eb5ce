package io.featuresdk.runtime.window;

import java.lang.reflect.Array;
import java.util.Arrays;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.java.tuple.Tuple2;

/**
 * All of a key's live slices in one keyed value, so backends that serialize on every access
 * (RocksDB) read and write it once per event or fire; on the heap it is as fast as a value per
 * slice, and one layout on both lets savepoints move between them: {@code f0[0]} is the end of the oldest slot and {@code f1[i]} the accumulator of the
 * slice ending {@code i} slices later (null for an empty slot). An event reads and writes this one
 * value; a fire reads it once, merges and frees in memory and writes it back once. One value, not
 * an entry per slice, because RocksDB scans over a key's many freed-slice tombstones get slower
 * with every freed slice.
 *
 * <p>{@link #create} and {@link #changed} apply to the value read by the current key's last {@link
 * #get}: the operator always gets before it stores.
 */
final class PackedSliceStore<A> implements SliceStore<A> {
  private final ValueState<Tuple2<long[], A[]>> packed;
  private final long slice;
  private final Class<A> accumulatorClass;
  /** The current key's slices as last read; during a fire, changed in memory until endFire. */
  private Tuple2<long[], A[]> current;
  private boolean firing;
  private boolean dirty;

  PackedSliceStore(ValueState<Tuple2<long[], A[]>> packed, long slice, Class<A> accumulatorClass) {
    this.packed = packed;
    this.slice = slice;
    this.accumulatorClass = accumulatorClass;
  }

  @Override
  public A get(long sliceEnd) throws Exception {
    if (!firing) {
      current = packed.value();
    }
    if (current == null) {
      return null;
    }
    long index = (sliceEnd - current.f0[0]) / slice;
    return index >= 0 && index < current.f1.length ? current.f1[(int) index] : null;
  }

  @Override
  public void create(long sliceEnd, A accumulator) throws Exception {
    if (current == null) {
      A[] one = newArray(1);
      one[0] = accumulator;
      current = Tuple2.of(new long[] {sliceEnd}, one);
    } else {
      long first = Math.min(current.f0[0], sliceEnd);
      long last = Math.max(current.f0[0] + (current.f1.length - 1) * slice, sliceEnd);
      if (first != current.f0[0] || last != current.f0[0] + (current.f1.length - 1) * slice) {
        A[] grown = newArray((int) ((last - first) / slice) + 1);
        System.arraycopy(current.f1, 0, grown, (int) ((current.f0[0] - first) / slice), current.f1.length);
        current = Tuple2.of(new long[] {first}, grown);
      }
      current.f1[(int) ((sliceEnd - first) / slice)] = accumulator;
    }
    packed.update(current);
  }

  @Override
  public void changed(long sliceEnd, A accumulator) throws Exception {
    packed.update(current);
  }

  @Override
  public void remove(long sliceEnd) {
    long index = (sliceEnd - current.f0[0]) / slice;
    if (index >= 0 && index < current.f1.length && current.f1[(int) index] != null) {
      current.f1[(int) index] = null;
      dirty = true;
    }
  }

  @Override
  public long[] beginFire() throws Exception {
    current = packed.value();
    firing = true;
    dirty = false;
    if (current == null) {
      return null;
    }
    return new long[] {current.f0[0], current.f0[0] + (current.f1.length - 1) * slice};
  }

  @Override
  public void freedUpTo(long oldest) throws Exception {
    int drop = (int) Math.min(current.f1.length, Math.max(0, (oldest - current.f0[0]) / slice));
    if (drop == current.f1.length) {
      packed.clear();
      current = null;
      return;
    }
    if (drop > 0) {
      current = Tuple2.of(new long[] {oldest}, Arrays.copyOfRange(current.f1, drop, current.f1.length));
      dirty = true;
    }
    if (dirty) {
      packed.update(current);
    }
  }

  @Override
  public void endFire() {
    firing = false;
    current = null;
  }

  @SuppressWarnings("unchecked")
  private A[] newArray(int length) {
    return (A[]) Array.newInstance(accumulatorClass, length);
  }
}
