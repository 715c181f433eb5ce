package io.featuresdk.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.featuresdk.processor.FeatureGroupModel.DataField;
import java.util.List;
import java.util.Optional;

/** {@code @Avg}: sum / count in {@code double}, over the non-null values of a numeric field. */
final class AvgPart implements AggregatePart {

  @Override
  public String annotationType() {
    return "io.featuresdk.annotations.Avg";
  }


  @Override
  public Optional<Problem> checkTypes(
      String fieldName, String sourceName, ValueType source, ValueType result) {
    Optional<Problem> notNumeric = AggregateParts.notNumeric(this, sourceName, source);
    if (notNumeric.isPresent()) {
      return notNumeric;
    }
    if (result.kind() != ValueType.Kind.DOUBLE) {
      return Optional.of(
          new Problem(
              Messages.RESULT_TYPE_MISMATCH,
              fieldName, result, "Avg", sourceName, source,
              "an average is a fractional double", result.isNullable() ? "Double" : "double"));
    }
    return AggregateParts.nullableIntoPrimitive(fieldName, sourceName, source, result);
  }

  @Override
  public List<DataField> accumulatorFields(AggregateContext feature) {
    return List.of(
        new DataField(feature.field("sum"), ValueType.primitive(ValueType.Kind.DOUBLE)),
        new DataField(feature.field("count"), ValueType.primitive(ValueType.Kind.LONG)));
  }

  @Override
  public CodeBlock add(AggregateContext feature) {
    CodeBlock.Builder code = CodeBlock.builder();
    boolean nullable = feature.sourceType().isNullable();
    if (nullable) {
      code.beginControlFlow("if ($L != null)", feature.source());
    }
    code.addStatement("acc.$N += $L", feature.field("sum"), feature.source());
    code.addStatement("acc.$N++", feature.field("count"));
    if (nullable) {
      code.endControlFlow();
    }
    return code.build();
  }

  @Override
  public CodeBlock merge(AggregateContext feature) {
    return CodeBlock.builder()
        .addStatement("target.$N += other.$N", feature.field("sum"), feature.field("sum"))
        .addStatement("target.$N += other.$N", feature.field("count"), feature.field("count"))
        .build();
  }

  @Override
  public CodeBlock result(AggregateContext feature) {
    CodeBlock hasValue =
        feature.sourceType().isNullable()
            ? CodeBlock.of("acc.$N > 0", feature.field("count"))
            : null;
    return AggregateParts.resultOf(
        feature.result(),
        TypeName.DOUBLE,
        CodeBlock.of("acc.$N / acc.$N", feature.field("sum"), feature.field("count")),
        hasValue);
  }
}
