package io.featuresdk.processor;

import io.featuresdk.processor.FeatureGroupModel.AvroType;
import io.featuresdk.processor.FeatureGroupModel.InputField;
import java.util.List;

/**
 * One feature: a field of the annotated class and the column it becomes.
 *
 * @param fieldName the Java field name
 * @param featureName the feature (column) name
 * @param type the field's type
 * @param getter the getter used to read a private field, or {@code null} for direct access
 * @param setter the setter used to write a private field, or {@code null} for direct access
 * @param role what fills the feature
 * @param avroType how the feature is stored in Avro
 * @param input the source field it is computed from, or {@code null} (window bounds, count)
 * @param part the aggregate, for {@link Role#AGGREGATE}; otherwise {@code null}
 * @param filter the boolean input an aggregate's events must match ({@code where}), or {@code null}
 * @param derivation the row method computing a {@link Role#DERIVED} feature; otherwise {@code null}
 */
record FeatureModel(
    String fieldName,
    String featureName,
    ValueType type,
    String getter,
    String setter,
    Role role,
    AvroType avroType,
    InputField input,
    AggregatePart part,
    InputField filter,
    String derivation) {

  /** What fills a feature. */
  enum Role {
    PRIMARY_KEY,
    WINDOW_END,
    WINDOW_START,
    AGGREGATE,
    /** Computed by a method of the row from its other features ({@code @Derived}). */
    DERIVED
  }

  /** The accumulator field holding this key's value. */
  String accumulatorKeyField() {
    return "key_" + fieldName;
  }

  /**
   * Whether this aggregate declares, adds to and merges its accumulator state: always, unless it
   * shares state ({@link AggregatePart#sharedState}) with an earlier feature of {@code all}.
   */
  boolean ownsState(List<FeatureModel> all) {
    String shared = part.sharedState(aggregateContext());
    if (shared == null) {
      return true;
    }
    for (FeatureModel other : all) {
      if (other.role == Role.AGGREGATE && other.part.annotationType().equals(part.annotationType())
          && shared.equals(other.part.sharedState(other.aggregateContext()))) {
        return other == this;
      }
    }
    throw new AssertionError(fieldName + " is not among the features");
  }

  /**
   * Whether this feature has a value in the row of a window without events ({@code emptyRow}):
   * the key, the window bounds and counts (0); every other feature is null there.
   */
  boolean keepsValueWhenEmpty() {
    return role != Role.AGGREGATE && role != Role.DERIVED || part instanceof CountPart;
  }

  AggregateContext aggregateContext() {
    return new AggregateContext(fieldName, input, type, filter);
  }
}
