/**
 * Annotations that declare a feature group on a plain Java class.
 *
 * <p>{@link io.featuresdk.annotations.FeatureGroup} names the group and its source events;
 * {@link io.featuresdk.annotations.SlidingWindow} and {@link io.featuresdk.annotations.TumblingWindow}
 * declare windows; fields are marked {@link io.featuresdk.annotations.PrimaryKey},
 * {@link io.featuresdk.annotations.WindowEnd}, {@link io.featuresdk.annotations.WindowStart} or an
 * aggregate ({@link io.featuresdk.annotations.Count}, {@link io.featuresdk.annotations.Sum},
 * {@link io.featuresdk.annotations.Avg}, {@link io.featuresdk.annotations.Min},
 * {@link io.featuresdk.annotations.Max}, {@link io.featuresdk.annotations.First},
 * {@link io.featuresdk.annotations.Last}). Everything is checked at compile time.
 */
package io.featuresdk.annotations;
