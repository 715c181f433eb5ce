package io.featuresdk.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;

/** The registry of aggregate kinds, and code snippets their implementations share. */
final class AggregateParts {

  /** Every supported aggregate. Add new kinds here. */
  static final List<AggregatePart> ALL =
      List.of(
          new CountPart(),
          new SumPart(),
          new AvgPart(),
          new MinPart(),
          new MaxPart(),
          new FirstPart(),
          new LastPart(),
          VariancePart.variance(),
          VariancePart.standardDeviation(),
          new ApproxCountDistinctPart(ApproxCountDistinctPart.DEFAULT_LG_K),
          new ApproxPercentilePart(0.5, ApproxPercentilePart.DEFAULT_K),
          new CountDistinctPart(0),
          ValuesByTimePart.lastN(),
          ValuesByTimePart.firstN(),
          new TopKPart(0, TopKPart.DEFAULT_LG_MAX_MAP_SIZE));

  private AggregateParts() {}

  static Optional<AggregatePart> forAnnotation(String qualifiedName) {
    return ALL.stream().filter(p -> p.annotationType().equals(qualifiedName)).findFirst();
  }

  /** The problem of a nullable source feeding a primitive field, if that is the case. */
  static Optional<AggregatePart.Problem> nullableIntoPrimitive(
      String fieldName, String sourceName, ValueType source, ValueType result) {
    if (source.isNullable() && !result.isNullable()) {
      return Optional.of(
          new AggregatePart.Problem(
              Messages.NULLABLE_INTO_PRIMITIVE,
              fieldName,
              result,
              sourceName,
              source,
              ValueType.boxedOf(result.kind())));
    }
    return Optional.empty();
  }

  /** The problem of a non-numeric source, if that is the case. */
  static Optional<AggregatePart.Problem> notNumeric(
      AggregatePart part, String sourceName, ValueType source) {
    if (source.isNumeric()) {
      return Optional.empty();
    }
    int dot = sourceName.lastIndexOf('.');
    return Optional.of(
        new AggregatePart.Problem(
            Messages.NOT_NUMERIC,
            part.annotationSimpleName(),
            sourceName.substring(0, dot),
            sourceName.substring(dot + 1),
            source));
  }

  /**
   * The problem of a list aggregate whose source has no array element type, or whose field is not
   * a {@code List} of the source's boxed type; {@code why} says why the types must match.
   */
  static Optional<AggregatePart.Problem> notAListOfTheSource(AggregatePart part, String fieldName,
      String sourceName, ValueType source, ValueType result, String why) {
    if (!ValueType.LIST_ELEMENTS.contains(source.kind())) {
      int dot = sourceName.lastIndexOf('.');
      return Optional.of(new AggregatePart.Problem(Messages.LIST_ELEMENT_UNSUPPORTED,
          part.annotationSimpleName(), sourceName.substring(0, dot), sourceName.substring(dot + 1),
          source));
    }
    ValueType expected = ValueType.listOf(source.kind());
    if (!result.equals(expected)) {
      return Optional.of(new AggregatePart.Problem(Messages.RESULT_TYPE_MISMATCH,
          fieldName, result, part.annotationSimpleName(), sourceName, source, why, expected));
    }
    return Optional.empty();
  }

  /**
   * {@code value} (of primitive type {@code from}) converted to the result type; {@code null}
   * when {@code hasValue} is false. {@code hasValue} is null when a value always exists.
   */
  static CodeBlock resultOf(ValueType result, TypeName from, CodeBlock value, CodeBlock hasValue) {
    CodeBlock converted =
        from.equals(result.primitiveTypeName())
            ? value
            : CodeBlock.of("($T) $L", result.primitiveTypeName(), value);
    return hasValue == null ? converted : CodeBlock.of("$L ? $L : null", hasValue, converted);
  }
}
