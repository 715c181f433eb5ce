package io.featuresdk.processor;

import io.featuresdk.processor.FeatureGroupModel.AvroType;
import io.featuresdk.processor.FeatureGroupModel.InputField;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/**
 * A feature field with exactly one role annotation and a type features can carry, before its
 * role is checked.
 */
record Candidate(VariableElement field, AnnotationMirror role, ValueType type) {

  String roleName() {
    return ValidationContext.qualifiedName(role);
  }

  String fieldName() {
    return field.getSimpleName().toString();
  }

  /** What a role validator found: how the feature is filled and stored. */
  record Filled(FeatureModel.Role role, AvroType avroType, InputField input, AggregatePart part,
      InputField filter, String derivation) {
    Filled(FeatureModel.Role role, AvroType avroType, InputField input, AggregatePart part) {
      this(role, avroType, input, part, null, null);
    }
  }

  static AvroType avroType(ValueType type, boolean windowTime) {
    return switch (type.kind()) {
      case STRING -> AvroType.STRING;
      case BOOLEAN -> AvroType.BOOLEAN;
      case BYTE, SHORT, INT -> AvroType.INT;
      case LONG -> windowTime ? AvroType.TIMESTAMP_FROM_MILLIS : AvroType.LONG;
      case FLOAT -> AvroType.FLOAT;
      case DOUBLE -> AvroType.DOUBLE;
      case INSTANT -> AvroType.TIMESTAMP_FROM_INSTANT;
      case LIST -> AvroType.ARRAY;
      case HLL_UNION, KLL_SKETCH, DISTINCT_SET, TIMED_VALUES, ITEMS_SKETCH -> throw new AssertionError("sketches are accumulator state");
    };
  }
}
