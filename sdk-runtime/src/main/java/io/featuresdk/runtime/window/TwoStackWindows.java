package io.featuresdk.runtime.window;

import io.featuresdk.runtime.spi.FeatureAggregation;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.runtime.state.internal.InternalValueState;

/**
 * Answers the current key's windows of many slices from two stacks (FIFO aggregation with merge
 * only, no retraction, so floating-point results are exact merges as when every slice is merged):
 * a front of suffix merges over the older slices and one back accumulator over the newer ones.
 * Sliding by one slide drops front suffixes and folds the new slices into the back; when the front
 * runs out, it is rebuilt from the window's slices and the back emptied. Amortized, a fire merges
 * about {@code 2 * slide / slice} accumulators instead of {@code size / slice}.
 *
 * <p>Kept apart from {@link SlicedWindowOperator} because it is the one part of the operator with
 * its own state and invariants (the bounds of each spec's front and back); the operator only asks
 * it for a window, tells it when a late slice may already be folded in, and when a key is gone.
 * Only the per-slice layout ({@link NamespacedSliceStore}) uses it: the packed layout merges slices
 * already read into memory.
 */
final class TwoStackWindows<K, A> {
  private final SliceLayout layout;
  private final FeatureAggregation<?, A, ?> aggregation;
  private final SliceStore<A> slices;
  private final SliceMerges<A> merges;
  /** Per spec: whether its windows are answered from two stacks instead of merging every slice. */
  private final boolean[] stacked;
  private final boolean anyStacked;
  /** Front: per (spec, slice end) the merge of that slice and all later front slices. */
  private final InternalValueState<K, Long, A> suffixes;
  /** Back: per spec the merge of the slices added since the front was built. */
  private final InternalValueState<K, Long, A> backs;
  /** Per stacked spec {frontFrom, frontTo, lastFiredEnd}; the back covers (frontTo, lastFiredEnd]. */
  private final ValueState<long[]> stackBounds;

  /**
   * @param maxUnstackedSlices windows of more slices than this are stacked
   * @param suffixes the front's keyed state, namespaced by {@link #suffixNamespace}
   * @param backs the back's keyed state, namespaced by spec index
   * @param stackBounds the current key's front and back bounds
   */
  TwoStackWindows(
      SliceLayout layout,
      FeatureAggregation<?, A, ?> aggregation,
      SliceStore<A> slices,
      SliceMerges<A> merges,
      long maxUnstackedSlices,
      InternalValueState<K, Long, A> suffixes,
      InternalValueState<K, Long, A> backs,
      ValueState<long[]> stackBounds) {
    this.layout = layout;
    this.aggregation = aggregation;
    this.slices = slices;
    this.merges = merges;
    this.suffixes = suffixes;
    this.backs = backs;
    this.stackBounds = stackBounds;
    stacked = new boolean[layout.sizes.length];
    boolean any = false;
    for (int i = 0; i < stacked.length; i++) {
      stacked[i] = layout.sizes[i] / layout.slice > maxUnstackedSlices;
      any |= stacked[i];
    }
    anyStacked = any;
  }

  /** Whether the windows of {@code spec} come from {@link #window} rather than a merge of slices. */
  boolean isStacked(int spec) {
    return stacked[spec];
  }

  /** Whether any spec is stacked. */
  boolean any() {
    return anyStacked;
  }

  /** The current key's window of stacked {@code spec} ending at {@code end}, or null when empty. */
  A window(int spec, long end, long oldest, long newest) throws Exception {
    long slice = layout.slice;
    long first = end - layout.sizes[spec] + slice;
    long[] bounds = stackBounds.value();
    if (bounds == null) {
      bounds = new long[3 * layout.sizes.length];
      for (int i = 0; i < layout.sizes.length; i++) {
        bounds[3 * i] = 0;
        bounds[3 * i + 1] = -slice; // empty front
        bounds[3 * i + 2] = Long.MIN_VALUE;
      }
    }
    int o = 3 * spec;
    Long backNamespace = (long) spec;
    A back = null;
    if (bounds[o + 2] == end - layout.slides[spec] && bounds[o + 2] != Long.MIN_VALUE) {
      clearSuffixes(spec, bounds[o], Math.min(bounds[o + 1], first - slice));
      bounds[o] = Math.max(bounds[o], first);
      backs.setCurrentNamespace(backNamespace);
      back = merges.mergeInto(backs.value(), Math.max(bounds[o + 2] + slice, oldest), Math.min(end, newest));
    } else {
      clearSuffixes(spec, bounds[o], bounds[o + 1]);
      bounds[o] = first;
      bounds[o + 1] = first - slice; // empty: rebuilt below
    }
    if (bounds[o] > bounds[o + 1]) {
      // from the window's first slot, so the front's first slot holds a suffix even when empty
      rebuildFront(spec, first, Math.min(end, newest));
      bounds[o] = first;
      bounds[o + 1] = end;
      back = null;
    }
    backs.setCurrentNamespace(backNamespace);
    if (back == null) {
      backs.clear();
    } else {
      backs.update(back);
    }
    bounds[o + 2] = end;
    stackBounds.update(bounds);

    A merged = null;
    suffixes.setCurrentNamespace(suffixNamespace(spec, bounds[o]));
    A front = suffixes.value();
    if (front != null) {
      merged = aggregation.createAccumulator();
      aggregation.merge(merged, front);
    }
    if (back != null) {
      if (merged == null) {
        merged = aggregation.createAccumulator();
      }
      aggregation.merge(merged, back);
    }
    return merged;
  }

  /**
   * Stores, for each slice end in {@code [from, to]} up to the last non-empty slice, the merge of
   * it and every later slice.
   */
  private void rebuildFront(int spec, long from, long to) throws Exception {
    A later = null;
    for (long s = to; s >= from; s -= layout.slice) {
      A part = slices.get(s);
      if (part == null && later == null) {
        continue;
      }
      A suffix = aggregation.createAccumulator();
      if (part != null) {
        aggregation.merge(suffix, part);
      }
      if (later != null) {
        aggregation.merge(suffix, later);
      }
      suffixes.setCurrentNamespace(suffixNamespace(spec, s));
      suffixes.update(suffix);
      later = suffix;
    }
  }

  private void clearSuffixes(int spec, long from, long to) throws Exception {
    for (long s = from; s <= to; s += layout.slice) {
      suffixes.setCurrentNamespace(suffixNamespace(spec, s));
      suffixes.clear();
    }
  }

  private Long suffixNamespace(int spec, long sliceEnd) {
    return sliceEnd * layout.sizes.length + spec;
  }

  /**
   * Forces every stacked spec to rebuild at its next fire: a slice of the current key changed that
   * may already be folded into a stack.
   */
  void invalidate() throws Exception {
    long[] bounds = stackBounds.value();
    if (bounds != null) {
      for (int i = 0; i < layout.sizes.length; i++) {
        bounds[3 * i + 2] = Long.MIN_VALUE;
      }
      stackBounds.update(bounds);
    }
  }

  /** Drops the current key's stacks: it has no slice left. */
  void clear() throws Exception {
    long[] bounds = stackBounds.value();
    if (bounds == null) {
      return;
    }
    for (int i = 0; i < layout.sizes.length; i++) {
      if (stacked[i]) {
        clearSuffixes(i, bounds[3 * i], bounds[3 * i + 1]);
        backs.setCurrentNamespace((long) i);
        backs.clear();
      }
    }
    stackBounds.clear();
  }
}
