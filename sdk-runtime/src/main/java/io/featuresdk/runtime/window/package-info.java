/**
 * Internal: how the pipeline turns a keyed stream of input records into typed feature rows
 * (encoded for the stores by {@link io.featuresdk.runtime.window.FeatureRecordEncoder}).
 * {@link io.featuresdk.runtime.window.WindowEngine} is the seam. The default
 * {@link io.featuresdk.runtime.window.SlicedWindowEngine} computes all windows of a group in one
 * {@link io.featuresdk.runtime.window.SlicedWindowOperator} from shared slices;
 * {@link io.featuresdk.runtime.window.NativeWindowEngine} uses Flink's own window operator, one per
 * window. Each window's rows leave on one stream per {@link io.featuresdk.runtime.window.RowKind}.
 * Not an API for users (they choose with {@code FeaturePipeline.withWindowMode}), except
 * {@code RowKind}, which {@code FeatureStreams.rows(window, kind)} takes, and
 * {@code WindowCompleteness}: other names here may change between releases.
 */
package io.featuresdk.runtime.window;
