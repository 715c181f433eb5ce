package io.featuresdk.processor;

import com.palantir.javapoet.CodeBlock;
import io.featuresdk.processor.FeatureGroupModel.DataField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code @Sum}: integral sources sum into a {@code long}, floating point ones into a
 * {@code double}. Nullable sources skip nulls and count their values, so a window of nulls gives
 * {@code null}.
 */
final class SumPart implements AggregatePart {

  @Override
  public String annotationType() {
    return "io.featuresdk.annotations.Sum";
  }


  @Override
  public boolean definedWhenEmpty() {
    return true;
  }

  @Override
  public Optional<Problem> checkTypes(
      String fieldName, String sourceName, ValueType source, ValueType result) {
    Optional<Problem> notNumeric = AggregateParts.notNumeric(this, sourceName, source);
    if (notNumeric.isPresent()) {
      return notNumeric;
    }
    boolean fits =
        result.kind() == ValueType.Kind.DOUBLE
            || (source.isIntegral() && result.kind() == ValueType.Kind.LONG);
    if (!fits) {
      String sumType = source.isIntegral() ? "long" : "double";
      return Optional.of(
          new Problem(
              Messages.RESULT_TYPE_MISMATCH,
              fieldName, result, "Sum", sourceName, source,
              "the sum of " + source + " values is a " + sumType, sumType));
    }
    return AggregateParts.nullableIntoPrimitive(fieldName, sourceName, source, result);
  }

  @Override
  public List<DataField> accumulatorFields(AggregateContext feature) {
    List<DataField> fields = new ArrayList<>();
    fields.add(new DataField(feature.field("sum"), sumType(feature)));
    if (feature.sourceType().isNullable()) {
      fields.add(new DataField(feature.field("count"), ValueType.primitive(ValueType.Kind.LONG)));
    }
    return fields;
  }

  @Override
  public CodeBlock add(AggregateContext feature) {
    if (!feature.sourceType().isNullable()) {
      return CodeBlock.builder()
          .addStatement("acc.$N += $L", feature.field("sum"), feature.source())
          .build();
    }
    return CodeBlock.builder()
        .beginControlFlow("if ($L != null)", feature.source())
        .addStatement("acc.$N += $L", feature.field("sum"), feature.source())
        .addStatement("acc.$N++", feature.field("count"))
        .endControlFlow()
        .build();
  }

  @Override
  public CodeBlock merge(AggregateContext feature) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (DataField field : accumulatorFields(feature)) {
      code.addStatement("target.$N += other.$N", field.name(), field.name());
    }
    return code.build();
  }

  @Override
  public CodeBlock result(AggregateContext feature) {
    CodeBlock hasValue =
        feature.sourceType().isNullable()
            ? CodeBlock.of("acc.$N > 0", feature.field("count"))
            : null;
    return AggregateParts.resultOf(
        feature.result(),
        sumType(feature).primitiveTypeName(),
        CodeBlock.of("acc.$N", feature.field("sum")),
        hasValue);
  }

  private static ValueType sumType(AggregateContext feature) {
    return ValueType.primitive(
        feature.sourceType().isIntegral() ? ValueType.Kind.LONG : ValueType.Kind.DOUBLE);
  }
}
