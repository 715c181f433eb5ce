package io.featuresdk.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.featuresdk.processor.FeatureGroupModel.DataField;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code @CountDistinct}: the texts of the non-null values in a set that stops growing at
 * {@code max}, so its size is the distinct count capped at {@code max}, in slices and merged
 * windows alike (a capped union of capped sets keeps {@code min(distinct, max)} values).
 */
final class CountDistinctPart implements AggregatePart {
  private static final int MAX_BOUND = 100_000;
  private static final ClassName HASH_SET = ClassName.get("java.util", "HashSet");

  private final int max;

  CountDistinctPart(int max) {
    this.max = max;
  }

  @Override
  public String annotationType() {
    return "io.featuresdk.annotations.CountDistinct";
  }

  @Override
  public AggregatePart configured(Function<String, Object> members) {
    return new CountDistinctPart((Integer) members.apply("max"));
  }

  @Override
  public Optional<Problem> checkParameters() {
    if (max == 0) {
      return Optional.of(new Problem(Messages.DISTINCT_BOUND_MISSING, "max"));
    }
    if (max < 0 || max > MAX_BOUND) {
      return Optional.of(new Problem(Messages.PARAMETER_OUT_OF_RANGE, "max", max,
          annotationSimpleName(), "1 to " + MAX_BOUND, "max", 10_000));
    }
    return Optional.empty();
  }

  @Override
  public boolean definedWhenEmpty() {
    return true;
  }

  @Override
  public Optional<Problem> checkTypes(
      String fieldName, String sourceName, ValueType source, ValueType result) {
    if (!source.isNumeric() && source.kind() != ValueType.Kind.STRING) {
      int dot = sourceName.lastIndexOf('.');
      return Optional.of(new Problem(Messages.NOT_COUNTABLE, annotationSimpleName(),
          sourceName.substring(0, dot), sourceName.substring(dot + 1), source));
    }
    if (result.kind() != ValueType.Kind.LONG) {
      return Optional.of(new Problem(Messages.RESULT_TYPE_MISMATCH,
          fieldName, result, annotationSimpleName(), sourceName, source,
          "a count is a whole number", "long"));
    }
    return Optional.empty();
  }

  @Override
  public List<DataField> accumulatorFields(AggregateContext feature) {
    return List.of(new DataField(feature.field("values"),
        ValueType.reference(ValueType.Kind.DISTINCT_SET)));
  }

  @Override
  public CodeBlock add(AggregateContext feature) {
    String values = feature.field("values");
    CodeBlock.Builder code = CodeBlock.builder();
    boolean nullable = feature.sourceType().isNullable();
    if (nullable) {
      code.beginControlFlow("if ($L != null)", feature.source());
    }
    code.beginControlFlow("if (acc.$N == null)", values)
        .addStatement("acc.$N = new $T<>()", values, HASH_SET)
        .endControlFlow()
        .beginControlFlow("if (acc.$N.size() < $L)", values, max)
        .addStatement("acc.$N.add($T.valueOf($L))", values, String.class, feature.source())
        .endControlFlow();
    if (nullable) {
      code.endControlFlow();
    }
    return code.build();
  }

  @Override
  public CodeBlock merge(AggregateContext feature) {
    String values = feature.field("values");
    String value = feature.field("value");
    return CodeBlock.builder()
        .beginControlFlow("if (other.$N != null)", values)
        .beginControlFlow("if (target.$N == null)", values)
        .addStatement("target.$N = new $T<>()", values, HASH_SET)
        .endControlFlow()
        .beginControlFlow("for ($T $N : other.$N)", String.class, value, values)
        .beginControlFlow("if (target.$N.size() >= $L)", values, max)
        .addStatement("break")
        .endControlFlow()
        .addStatement("target.$N.add($N)", values, value)
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  @Override
  public CodeBlock result(AggregateContext feature) {
    String values = feature.field("values");
    return AggregateParts.resultOf(feature.result(), TypeName.LONG,
        CodeBlock.of("acc.$N == null ? 0L : (long) acc.$N.size()", values, values), null);
  }
}
