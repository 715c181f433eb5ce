package io.featuresdk.runtime;

/**
 * How a pipeline computes its windows. Both modes emit the same rows (checked against a
 * brute-force oracle); they differ in cost.
 *
 * <pre>{@code
 * FeaturePipeline.of(PriceFeatures_FeatureGroup.instance()).withWindowMode(WindowMode.NATIVE)...
 * }</pre>
 */
public enum WindowMode {
  /**
   * The default: one keyed operator per feature group computes every window from shared slices
   * ({@code gcd} of all sizes and slides); each event updates one slice accumulator and a window is
   * merged from its slices when it fires.
   */
  SLICED,
  /**
   * Flink's own {@code SlidingEventTimeWindows}/{@code TumblingEventTimeWindows} operator, one per
   * window; each event updates {@code size / slide} accumulators of every window. A fallback and a
   * baseline.
   */
  NATIVE
}
