package io.featuresdk.runtime.window;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;

/**
 * One keyed map per key from slice end to accumulator, for backends that serialize on every access
 * (RocksDB). An event reads and writes one entry; a fire reads the key's whole map with one prefix
 * scan into heap, so the fire's merges and frees touch the backend only to delete freed slices.
 */
final class MapSliceStore<A> implements SliceStore<A> {
  private final MapState<Long, A> slices;
  /** The current key's slices while its timer fires; null otherwise. */
  private Map<Long, A> firing;

  MapSliceStore(MapState<Long, A> slices) {
    this.slices = slices;
  }

  @Override
  public A get(long sliceEnd) throws Exception {
    return firing != null ? firing.get(sliceEnd) : slices.get(sliceEnd);
  }

  @Override
  public void create(long sliceEnd, A accumulator) throws Exception {
    changed(sliceEnd, accumulator);
  }

  @Override
  public void changed(long sliceEnd, A accumulator) throws Exception {
    slices.put(sliceEnd, accumulator);
    if (firing != null) {
      firing.put(sliceEnd, accumulator);
    }
  }

  @Override
  public void remove(long sliceEnd) throws Exception {
    if (firing == null || firing.remove(sliceEnd) != null) {
      slices.remove(sliceEnd);
    }
  }

  @Override
  public long[] beginFire() throws Exception {
    firing = new HashMap<>();
    long oldest = Long.MAX_VALUE;
    long newest = Long.MIN_VALUE;
    for (Map.Entry<Long, A> slice : slices.entries()) {
      long end = slice.getKey();
      firing.put(end, slice.getValue());
      oldest = Math.min(oldest, end);
      newest = Math.max(newest, end);
    }
    return firing.isEmpty() ? null : new long[] {oldest, newest};
  }

  @Override
  public void freedUpTo(long oldest) {}

  @Override
  public void endFire() {
    firing = null;
  }
}
