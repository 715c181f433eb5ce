package io.featuresdk.runtime.window;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.runtime.state.internal.InternalValueState;

/**
 * One keyed value per (key, slice end), the slice end as namespace, plus the key's live range,
 * so a fire knows which namespaces to read. On the heap backend the stored accumulator is the
 * object handed out, so it is changed in place without a write; the backend copies it on read
 * while a snapshot still holds the older version.
 */
final class NamespacedSliceStore<K, A> implements SliceStore<A> {
  private final InternalValueState<K, Long, A> slices;
  /** {oldest, newest} slice end that may hold an accumulator; absent when the key has none. */
  private final ValueState<long[]> liveRange;
  private final boolean inPlace;
  private long[] firingRange;

  NamespacedSliceStore(
      InternalValueState<K, Long, A> slices, ValueState<long[]> liveRange, boolean inPlace) {
    this.slices = slices;
    this.liveRange = liveRange;
    this.inPlace = inPlace;
  }

  @Override
  public A get(long sliceEnd) throws Exception {
    slices.setCurrentNamespace(sliceEnd);
    return slices.value();
  }

  @Override
  public void create(long sliceEnd, A accumulator) throws Exception {
    put(sliceEnd, accumulator);
    long[] range = liveRange.value();
    if (range == null) {
      liveRange.update(new long[] {sliceEnd, sliceEnd});
    } else if (sliceEnd < range[0] || sliceEnd > range[1]) {
      range[0] = Math.min(range[0], sliceEnd);
      range[1] = Math.max(range[1], sliceEnd);
      liveRange.update(range);
    }
  }

  @Override
  public void changed(long sliceEnd, A accumulator) throws Exception {
    if (!inPlace) {
      put(sliceEnd, accumulator);
    }
  }

  private void put(long sliceEnd, A accumulator) throws Exception {
    slices.setCurrentNamespace(sliceEnd);
    slices.update(accumulator);
  }

  @Override
  public void remove(long sliceEnd) throws Exception {
    slices.setCurrentNamespace(sliceEnd);
    slices.clear();
  }

  @Override
  public long[] beginFire() throws Exception {
    firingRange = liveRange.value();
    return firingRange == null ? null : firingRange.clone();
  }

  @Override
  public void freedUpTo(long oldest) throws Exception {
    if (oldest > firingRange[1]) {
      liveRange.clear();
    } else if (oldest != firingRange[0]) {
      firingRange[0] = oldest;
      liveRange.update(firingRange);
    }
  }

  @Override
  public void endFire() {
    firingRange = null;
  }
}
