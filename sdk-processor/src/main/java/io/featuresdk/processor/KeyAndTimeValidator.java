package io.featuresdk.processor;

import io.featuresdk.processor.Candidate.Filled;
import io.featuresdk.processor.FeatureGroupModel.EventTimeModel;
import io.featuresdk.processor.FeatureGroupModel.InputField;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/**
 * Validates what places a row in key and time: the source's event time, {@code @PrimaryKey}
 * fields and the {@code @WindowEnd}/{@code @WindowStart} fields.
 */
final class KeyAndTimeValidator {
  private final ValidationContext context;

  KeyAndTimeValidator(ValidationContext context) {
    this.context = context;
  }

  Optional<EventTimeModel> eventTime(
      TypeElement type, AnnotationMirror group, SourceMembers source) {
    AnnotationValue value = context.value(group, "eventTime");
    String fieldName = (String) value.getValue();
    Optional<SourceMembers.Member> member = source.readable(fieldName);
    if (member.isEmpty()) {
      context.report(Messages.UNKNOWN_EVENT_TIME, type, group, value,
          fieldName, source.source().getSimpleName(), source.available());
      return Optional.empty();
    }
    Optional<ValueType> valueType = context.valueType(member.get().type());
    boolean instant = valueType.isPresent() && valueType.get().kind() == ValueType.Kind.INSTANT;
    boolean millis = member.get().type().getKind() == TypeKind.LONG;
    if (!instant && !millis) {
      context.report(Messages.EVENT_TIME_TYPE, type, group, value,
          source.source().getSimpleName(), fieldName, member.get().type());
      return Optional.empty();
    }
    return Optional.of(new EventTimeModel(member.get().access(), instant));
  }

  Optional<Filled> key(Candidate candidate, SourceMembers source) {
    AnnotationMirror role = candidate.role();
    String from = (String) context.value(role, "from").getValue();
    AnnotationValue fromValue = from.isEmpty() ? null : context.value(role, "from");
    String sourceName = from.isEmpty() ? candidate.fieldName() : from;
    Optional<InputField> input = source.input(sourceName, candidate.field(), role, fromValue);
    if (input.isEmpty()) {
      return Optional.empty();
    }
    ValueType sourceType = input.get().type();
    ValueType fieldType = candidate.type();
    boolean keyKind = switch (sourceType.kind()) {
      case STRING, BOOLEAN, BYTE, SHORT, INT, LONG -> true;
      default -> false;
    };
    if (!keyKind) {
      context.report(Messages.KEY_TYPE, candidate.field(), role, fromValue, candidate.fieldName(),
          "source field " + sourceName + " is a " + sourceType + ", which is not a key type");
      return Optional.empty();
    }
    if (fieldType.kind() != sourceType.kind()) {
      context.report(Messages.KEY_TYPE, candidate.field(), role, null, candidate.fieldName(),
          "the field is a " + fieldType + " but its source " + sourceName + " is a " + sourceType);
      return Optional.empty();
    }
    Optional<AggregatePart.Problem> nullable = AggregateParts.nullableIntoPrimitive(
        candidate.fieldName(), sourceName, sourceType, fieldType);
    if (nullable.isPresent()) {
      context.report(nullable.get().message(), candidate.field(), role, null,
          nullable.get().args());
      return Optional.empty();
    }
    return Optional.of(new Filled(FeatureModel.Role.PRIMARY_KEY,
        Candidate.avroType(fieldType, false), input.get(), null));
  }

  Optional<Filled> windowTime(Candidate candidate) {
    boolean end = candidate.roleName().equals(ValidationContext.WINDOW_END);
    ValueType fieldType = candidate.type();
    boolean instant = fieldType.kind() == ValueType.Kind.INSTANT;
    boolean millis = fieldType.kind() == ValueType.Kind.LONG && !fieldType.boxed();
    if (!instant && !millis) {
      context.report(Messages.WINDOW_TIME_FIELD_TYPE, candidate.field(), candidate.role(), null,
          end ? "WindowEnd" : "WindowStart", candidate.fieldName(), fieldType);
      return Optional.empty();
    }
    return Optional.of(new Filled(
        end ? FeatureModel.Role.WINDOW_END : FeatureModel.Role.WINDOW_START,
        Candidate.avroType(fieldType, true), null, null));
  }
}
