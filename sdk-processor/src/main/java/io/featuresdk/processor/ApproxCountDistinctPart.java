package io.featuresdk.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.featuresdk.processor.FeatureGroupModel.DataField;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code @ApproxCountDistinct}: a DataSketches HLL {@code Union} of the non-null values, created
 * on the first value, merged union into union; the row holds its rounded estimate (0 for none).
 */
final class ApproxCountDistinctPart implements AggregatePart {
  static final int DEFAULT_LG_K = 12;
  private static final int MIN_LG_K = 4;
  private static final int MAX_LG_K = 21;
  private static final ClassName UNION = ClassName.get("org.apache.datasketches.hll", "Union");

  private final int lgK;

  ApproxCountDistinctPart(int lgK) {
    this.lgK = lgK;
  }

  @Override
  public String annotationType() {
    return "io.featuresdk.annotations.ApproxCountDistinct";
  }

  @Override
  public AggregatePart configured(Function<String, Object> members) {
    return new ApproxCountDistinctPart((Integer) members.apply("lgK"));
  }

  @Override
  public Optional<Problem> checkParameters() {
    if (lgK < MIN_LG_K || lgK > MAX_LG_K) {
      return Optional.of(new Problem(Messages.PARAMETER_OUT_OF_RANGE, "lgK", lgK,
          annotationSimpleName(), MIN_LG_K + " to " + MAX_LG_K, "lgK", DEFAULT_LG_K));
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
    return List.of(new DataField(feature.field("hll"), ValueType.reference(ValueType.Kind.HLL_UNION)));
  }

  @Override
  public CodeBlock add(AggregateContext feature) {
    String union = feature.field("hll");
    CodeBlock.Builder code = CodeBlock.builder();
    boolean nullable = feature.sourceType().isNullable();
    if (nullable) {
      code.beginControlFlow("if ($L != null)", feature.source());
    }
    code.beginControlFlow("if (acc.$N == null)", union)
        .addStatement("acc.$N = new $T($L)", union, UNION, lgK)
        .endControlFlow()
        .addStatement("acc.$N.update($L)", union, feature.source());
    if (nullable) {
      code.endControlFlow();
    }
    return code.build();
  }

  @Override
  public CodeBlock merge(AggregateContext feature) {
    String union = feature.field("hll");
    return CodeBlock.builder()
        .beginControlFlow("if (other.$N != null)", union)
        .beginControlFlow("if (target.$N == null)", union)
        .addStatement("target.$N = new $T($L)", union, UNION, lgK)
        .endControlFlow()
        .addStatement("target.$N.update(other.$N.getResult())", union, union)
        .endControlFlow()
        .build();
  }

  @Override
  public CodeBlock result(AggregateContext feature) {
    String union = feature.field("hll");
    return AggregateParts.resultOf(feature.result(), TypeName.LONG,
        CodeBlock.of("acc.$N == null ? 0L : $T.round(acc.$N.getEstimate())", union, Math.class,
            union),
        null);
  }
}
