package io.featuresdk.processor;

import com.palantir.javapoet.CodeBlock;
import io.featuresdk.processor.FeatureGroupModel.DataField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shared shape of {@link MinPart} and {@link MaxPart}: the extreme value so far, seeded by the
 * first value (never by a sentinel such as {@code Double.MAX_VALUE}, which a real value could
 * equal). Non-null sources use the event count to know whether a value was seen; nullable sources
 * keep their own count of non-null values.
 */
abstract class ExtremumPart implements AggregatePart {
  private final String annotationType;
  private final String suffix;
  private final String better;

  /**
   * @param suffix the accumulator field suffix, {@code min} or {@code max}
   * @param better the comparison operator that makes a candidate replace the current value
   */
  ExtremumPart(String annotationType, String suffix, String better) {
    this.annotationType = annotationType;
    this.suffix = suffix;
    this.better = better;
  }

  @Override
  public final String annotationType() {
    return annotationType;
  }


  @Override
  public final Optional<Problem> checkTypes(
      String fieldName, String sourceName, ValueType source, ValueType result) {
    Optional<Problem> notNumeric = AggregateParts.notNumeric(this, sourceName, source);
    if (notNumeric.isPresent()) {
      return notNumeric;
    }
    if (!result.holdsEveryValueOf(source)) {
      ValueType fix = result.isNullable() ? ValueType.boxedOf(source.kind())
          : ValueType.primitive(source.kind());
      return Optional.of(
          new Problem(
              Messages.RESULT_TYPE_MISMATCH,
              fieldName, result, annotationSimpleName(), sourceName, source,
              "the " + suffix + " is one of the " + source + " values and " + result
                  + " cannot represent all of them exactly",
              fix));
    }
    return AggregateParts.nullableIntoPrimitive(fieldName, sourceName, source, result);
  }

  @Override
  public final List<DataField> accumulatorFields(AggregateContext feature) {
    List<DataField> fields = new ArrayList<>();
    fields.add(new DataField(feature.field(suffix),
        ValueType.primitive(feature.sourceType().kind())));
    if (feature.sourceType().isNullable()) {
      fields.add(new DataField(feature.field("count"), ValueType.primitive(ValueType.Kind.LONG)));
    }
    return fields;
  }

  @Override
  public final CodeBlock add(AggregateContext feature) {
    String value = feature.field(suffix);
    if (!feature.sourceType().isNullable()) {
      return CodeBlock.builder()
          .beginControlFlow("if (acc.$N == 0 || $L $L acc.$N)",
              feature.countField(), feature.source(), better, value)
          .addStatement("acc.$N = $L", value, feature.source())
          .endControlFlow()
          .build();
    }
    String count = feature.field("count");
    return CodeBlock.builder()
        .beginControlFlow("if ($L != null)", feature.source())
        .beginControlFlow("if (acc.$N == 0 || $L $L acc.$N)",
            count, feature.source(), better, value)
        .addStatement("acc.$N = $L", value, feature.source())
        .endControlFlow()
        .addStatement("acc.$N++", count)
        .endControlFlow()
        .build();
  }

  @Override
  public final CodeBlock merge(AggregateContext feature) {
    String value = feature.field(suffix);
    String count = feature.sourceType().isNullable()
        ? feature.field("count")
        : feature.countField();
    CodeBlock.Builder code = CodeBlock.builder()
        .beginControlFlow("if (other.$N > 0 && (target.$N == 0 || other.$N $L target.$N))",
            count, count, value, better, value)
        .addStatement("target.$N = other.$N", value, value)
        .endControlFlow();
    if (feature.sourceType().isNullable()) {
      code.addStatement("target.$N += other.$N", count, count);
    }
    return code.build();
  }

  @Override
  public final CodeBlock result(AggregateContext feature) {
    CodeBlock hasValue = feature.sourceType().isNullable()
        ? CodeBlock.of("acc.$N > 0", feature.field("count"))
        : null;
    return AggregateParts.resultOf(
        feature.result(),
        feature.sourceType().primitiveTypeName(),
        CodeBlock.of("acc.$N", feature.field(suffix)),
        hasValue);
  }
}
