package io.featuresdk.processor;

import io.featuresdk.processor.FeatureGroupModel.InputField;

/**
 * What an {@link AggregatePart} generates code for: one aggregated feature.
 *
 * <p>Generated code names: the accumulator is {@code acc} in add and result code, {@code target}
 * and {@code other} in merge code; the input record is {@code input}. Parts run before
 * {@link #countField()} is updated, so a zero count means "no event yet".
 *
 * @param featureField the feature's field name, the prefix of the part's accumulator fields
 * @param input the aggregated source field, or {@code null} for parts that read none
 * @param result the feature field's type
 * @param filter the boolean input field an event must have set to count, or {@code null}
 */
record AggregateContext(
    String featureField, InputField input, ValueType result, InputField filter) {

  /** The accumulator field counting every event, present in every accumulator. */
  static final String EVENT_COUNT = "eventCount";

  /**
   * The accumulator field counting the events this feature has taken: {@link #EVENT_COUNT}, or
   * its own count of matching events when filtered. Parts read it to tell a first value.
   */
  String countField() {
    return filter == null ? EVENT_COUNT : field("matched");
  }

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
