package io.featuresdk.runtime.spi;

import java.io.Serializable;

/**
 * The generated aggregation of one feature class over one window. Accumulators are mutable and
 * updated in place, so the per-event path allocates nothing.
 *
 * @param <I> the generated input record type
 * @param <A> the generated accumulator type
 * @param <R> the feature row type (the annotated class)
 */
public interface FeatureAggregation<I, A, R> extends Serializable {

  /** A new, empty accumulator. */
  A createAccumulator();

  /** Adds one input record to {@code accumulator}. */
  void add(A accumulator, I input);

  /**
   * Merges {@code other} into {@code target}. Both must cover disjoint sets of events, and
   * every event in {@code target} must have arrived before every event in {@code other} when
   * first/last ties are to be broken by arrival.
   */
  void merge(A target, A other);

  /** Whether no event has been added to {@code accumulator}. */
  boolean isEmpty(A accumulator);

  /** The feature row of a non-empty window {@code [windowStartMillis, windowEndMillis)}. */
  R toRow(A accumulator, long windowStartMillis, long windowEndMillis);

  /**
   * The row of the window {@code [windowStartMillis, windowEndMillis)} in which the key of {@code
   * keyed} (any row of that key) had no event: the key and the window bounds set, {@code @Count}
   * features 0, every other feature as the row's no-argument constructor leaves it (null for
   * boxed fields, 0 or false for primitives); {@link FeatureRowCodec#encodeEmpty} writes those as
   * null.
   */
  R emptyRow(R keyed, long windowStartMillis, long windowEndMillis);
}
