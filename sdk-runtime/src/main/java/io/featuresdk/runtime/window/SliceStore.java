package io.featuresdk.runtime.window;

/**
 * Where {@link SlicedWindowOperator} keeps the current key's partial accumulators, one per slice
 * end. Two layouts, chosen by the number of slices of the largest window, the same on every state
 * backend: {@link PackedSliceStore} (all of a key's slices in one value, so an event or a fire
 * costs one RocksDB read and write instead of one per slice) and, for windows of many slices,
 * {@link NamespacedSliceStore} (one value per (key, slice), updated in place on the heap).
 */
interface SliceStore<A> {

  /** The current key's accumulator of the slice ending at {@code sliceEnd}, or null. */
  A get(long sliceEnd) throws Exception;

  /** Stores the accumulator of a slice the current key did not have. */
  void create(long sliceEnd, A accumulator) throws Exception;

  /** Stores an accumulator got from {@link #get} and then changed (a no-op when changed in place). */
  void changed(long sliceEnd, A accumulator) throws Exception;

  /** Drops the current key's slice ending at {@code sliceEnd}. */
  void remove(long sliceEnd) throws Exception;

  /**
   * Called when the current key's timer fires, before the fire's {@link #get}s: a store may read
   * all of the key's slices here, until {@link #endFire}. Returns {oldest, newest}: every live slice
   * end lies in between; null when the key has no slice.
   */
  long[] beginFire() throws Exception;

  /** After a fire's removals: no slice ends before {@code oldest} (none is left if it is past newest). */
  void freedUpTo(long oldest) throws Exception;

  /** Ends what {@link #beginFire} started. */
  void endFire();
}
