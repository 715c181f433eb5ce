package io.featuresdk.runtime.window;

import org.apache.flink.runtime.state.internal.InternalValueState;

/**
 * One keyed value per (key, slice end), the slice end as namespace. On the heap backend the stored
 * accumulator is the object handed out, so it is changed in place without a write; the backend
 * copies it on read while a snapshot still holds the older version.
 */
final class NamespacedSliceStore<K, A> implements SliceStore<A> {
  private final InternalValueState<K, Long, A> slices;
  private final boolean inPlace;

  NamespacedSliceStore(InternalValueState<K, Long, A> slices, boolean inPlace) {
    this.slices = slices;
    this.inPlace = inPlace;
  }

  @Override
  public A get(long sliceEnd) throws Exception {
    slices.setCurrentNamespace(sliceEnd);
    return slices.value();
  }

  @Override
  public void create(long sliceEnd, A accumulator) throws Exception {
    slices.setCurrentNamespace(sliceEnd);
    slices.update(accumulator);
  }

  @Override
  public void changed(long sliceEnd, A accumulator) throws Exception {
    if (!inPlace) {
      create(sliceEnd, accumulator);
    }
  }

  @Override
  public void remove(long sliceEnd) throws Exception {
    slices.setCurrentNamespace(sliceEnd);
    slices.clear();
  }

  @Override
  public void beginFire() {}

  @Override
  public void endFire() {}
}
