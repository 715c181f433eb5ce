package io.featuresdk.processor;

import io.featuresdk.processor.FeatureGroupModel.InputField;

/**
 * What an {@link AggregatePart} generates code for: one aggregated feature.
 *
 * <p>Generated code names: the accumulator is {@code acc} in add and result code, {@code target}
 * and {@code other} in merge code; the input record is {@code input}. Parts run before
 * {@link #EVENT_COUNT} is updated, so {@code acc.eventCount == 0} means "no event yet".
 *
 * @param featureField the feature's field name, the prefix of the part's accumulator fields
 * @param input the aggregated source field, or {@code null} for parts that read none
 * @param result the feature field's type
 */
record AggregateContext(String featureField, InputField input, ValueType result) {

  /** The accumulator field counting every event, present in every accumulator. */
  static final String EVENT_COUNT = "eventCount";

  /** The accumulator field of this feature with the given role suffix, e.g. {@code priceAvg_sum}. */
  String field(String suffix) {
    return featureField + "_" + suffix;
  }

  /** The source value expression on the input record, e.g. {@code input.price}. */
  String source() {
    return "input." + input.name();
  }

  ValueType sourceType() {
    return input.type();
  }
}
