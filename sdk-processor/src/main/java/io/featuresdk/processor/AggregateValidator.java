package io.featuresdk.processor;

import io.featuresdk.processor.Candidate.Filled;
import io.featuresdk.processor.FeatureGroupModel.InputField;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;

/**
 * Validates aggregate features ({@code @Count}, {@code @Sum}, ...): the source field they read and
 * the type checks of their {@link AggregatePart}.
 */
final class AggregateValidator {
  private final ValidationContext context;

  AggregateValidator(ValidationContext context) {
    this.context = context;
  }

  Optional<Filled> aggregate(Candidate candidate, SourceMembers source) {
    AggregatePart part = AggregateParts.forAnnotation(candidate.roleName()).orElseThrow()
        .configured(member -> context.value(candidate.role(), member).getValue());
    InputField input = null;
    String sourceName = null;
    AnnotationValue sourceValue = null;
    if (part.readsSourceField()) {
      sourceValue = context.value(candidate.role(), "value");
      String sourceField = (String) sourceValue.getValue();
      Optional<InputField> found =
          source.input(sourceField, candidate.field(), candidate.role(), sourceValue);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      input = found.get();
      sourceName = source.source().getSimpleName() + "." + sourceField;
    }
    Optional<AggregatePart.Problem> parameter = part.checkParameters();
    if (parameter.isPresent()) {
      context.report(parameter.get().message(), candidate.field(), candidate.role(),
          context.value(candidate.role(), (String) parameter.get().args()[0]),
          parameter.get().args());
      return Optional.empty();
    }
    if (candidate.type().kind() == ValueType.Kind.LIST && !part.producesList()) {
      context.report(Messages.LIST_FEATURE_MISMATCH, candidate.field(), candidate.role(), null,
          candidate.fieldName(), candidate.type(), part.annotationSimpleName());
      return Optional.empty();
    }
    Optional<AggregatePart.Problem> problem = part.checkTypes(
        candidate.fieldName(), sourceName, input == null ? null : input.type(), candidate.type());
    if (problem.isPresent()) {
      Messages message = problem.get().message();
      AnnotationValue at =
          message == Messages.NOT_NUMERIC || message == Messages.NOT_COUNTABLE
              || message == Messages.LIST_ELEMENT_UNSUPPORTED ? sourceValue : null;
      context.report(problem.get().message(), candidate.field(), candidate.role(), at,
          problem.get().args());
      return Optional.empty();
    }
    Optional<AnnotationValue> where = context.explicit(candidate.role(), "where");
    InputField filter = null;
    if (where.isPresent()) {
      Optional<InputField> found = filter(candidate, source, where.get());
      if (found.isEmpty()) {
        return Optional.empty();
      }
      filter = found.get();
      if (!part.definedWhenEmpty() && !candidate.type().isNullable()) {
        context.report(Messages.NO_VALUE_INTO_PRIMITIVE, candidate.field(), candidate.role(), null,
            candidate.fieldName(), candidate.type(),
            "@" + part.annotationSimpleName() + " where = \"" + filter.sourceName() + "\"",
            "a window in which no event matches", ValueType.boxedOf(candidate.type().kind()));
        return Optional.empty();
      }
    }
    return Optional.of(new Filled(FeatureModel.Role.AGGREGATE,
        Candidate.avroType(candidate.type(), false), input, part, filter, null));
  }

  /** The boolean input a {@code where} names: a source field or a static method of the class. */
  private Optional<InputField> filter(
      Candidate candidate, SourceMembers source, AnnotationValue where) {
    String name = (String) where.getValue();
    Optional<InputField> found = source.input(name, candidate.field(), candidate.role(), where);
    if (found.isPresent() && found.get().type().kind() != ValueType.Kind.BOOLEAN) {
      context.report(Messages.FILTER_NOT_BOOLEAN, candidate.field(), candidate.role(), where,
          name, name, found.get().type());
      return Optional.empty();
    }
    return found;
  }
}
