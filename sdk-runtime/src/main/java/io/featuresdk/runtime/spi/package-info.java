/**
 * The interfaces generated code implements. The annotation processor writes, for each
 * {@code @FeatureGroup} class {@code X}: {@code X_Input} and {@code X_InputSerializer} (the projected
 * source event), {@code X_Accumulator} and {@code X_AccumulatorSerializer}, {@code X_Aggregation}
 * ({@link io.featuresdk.runtime.spi.FeatureAggregation}), {@code X_AvroCodec}
 * ({@link io.featuresdk.runtime.spi.FeatureRowCodec}) and {@code X_FeatureGroup}
 * ({@link io.featuresdk.runtime.spi.FeatureGroupDefinition}), the one users refer to. Sketch and
 * set state in accumulators is written by {@link io.featuresdk.runtime.spi.SketchStates}.
 */
package io.featuresdk.runtime.spi;
