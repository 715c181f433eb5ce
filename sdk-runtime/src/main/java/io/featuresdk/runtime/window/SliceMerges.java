package io.featuresdk.runtime.window;

import io.featuresdk.runtime.spi.FeatureAggregation;

/**
 * Merges runs of the current key's slices into one accumulator, oldest first, so first/last ties
 * stay broken by arrival. One place for the loop that every reader of windows shares: a fire of an
 * unstacked window, a late correction, a provisional row and the back of {@link TwoStackWindows}.
 */
final class SliceMerges<A> {
  private final SliceLayout layout;
  private final FeatureAggregation<?, A, ?> aggregation;
  private final SliceStore<A> slices;

  SliceMerges(SliceLayout layout, FeatureAggregation<?, A, ?> aggregation, SliceStore<A> slices) {
    this.layout = layout;
    this.aggregation = aggregation;
    this.slices = slices;
  }

  /**
   * Merges the slices ending in {@code [from, to]} into {@code target}, created at the first
   * slice found when null; returns it (null when it was null and no slice exists).
   */
  A mergeInto(A target, long from, long to) throws Exception {
    for (long s = from; s <= to; s += layout.slice) {
      A part = slices.get(s);
      if (part != null) {
        if (target == null) {
          target = aggregation.createAccumulator();
        }
        aggregation.merge(target, part);
      }
    }
    return target;
  }

  /**
   * The window {@code [start, end)} as the merge of its slices among the live ones {@code [oldest,
   * newest]}, during a fire; null without any.
   */
  A window(long start, long end, long oldest, long newest) throws Exception {
    return mergeInto(null, Math.max(start + layout.slice, oldest), Math.min(end, newest));
  }

  /** The current key's window {@code [start, end)} from its live slices, or null without any. */
  A window(long start, long end) throws Exception {
    try {
      long[] range = slices.beginFire();
      return range == null ? null : window(start, end, range[0], range[1]);
    } finally {
      slices.endFire();
    }
  }
}
