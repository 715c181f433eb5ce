package io.featuresdk.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.featuresdk.processor.FeatureGroupModel.DataField;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code @ApproxPercentile}: a DataSketches KLL sketch of the non-null values, created on the
 * first value; the row holds the sketch's estimate of the {@code p} quantile. Percentiles of one
 * source field with the same {@code k} and filter share one sketch ({@link #sharedState}).
 */
final class ApproxPercentilePart implements AggregatePart {
  static final int DEFAULT_K = 200;
  private static final int MIN_K = 8;
  private static final int MAX_K = 65_535;
  private static final ClassName KLL =
      ClassName.get("org.apache.datasketches.kll", "KllDoublesSketch");

  private final double p;
  private final int k;

  ApproxPercentilePart(double p, int k) {
    this.p = p;
    this.k = k;
  }

  @Override
  public String annotationType() {
    return "io.featuresdk.annotations.ApproxPercentile";
  }

  @Override
  public AggregatePart configured(Function<String, Object> members) {
    return new ApproxPercentilePart((Double) members.apply("p"), (Integer) members.apply("k"));
  }

  @Override
  public Optional<Problem> checkParameters() {
    if (!(p >= 0 && p <= 1)) {
      return Optional.of(new Problem(Messages.PARAMETER_OUT_OF_RANGE, "p", p,
          annotationSimpleName(), "0 (the minimum) to 1 (the maximum)", "p", 0.95));
    }
    if (k < MIN_K || k > MAX_K) {
      return Optional.of(new Problem(Messages.PARAMETER_OUT_OF_RANGE, "k", k,
          annotationSimpleName(), MIN_K + " to " + MAX_K, "k", DEFAULT_K));
    }
    return Optional.empty();
  }

  @Override
  public Optional<Problem> checkTypes(
      String fieldName, String sourceName, ValueType source, ValueType result) {
    Optional<Problem> notNumeric = AggregateParts.notNumeric(this, sourceName, source);
    if (notNumeric.isPresent()) {
      return notNumeric;
    }
    if (result.kind() != ValueType.Kind.DOUBLE) {
      return Optional.of(new Problem(Messages.RESULT_TYPE_MISMATCH,
          fieldName, result, annotationSimpleName(), sourceName, source,
          "the sketch estimates quantiles as doubles", "Double"));
    }
    return AggregateParts.nullableIntoPrimitive(fieldName, sourceName, source, result);
  }

  @Override
  public String sharedState(AggregateContext feature) {
    return sketchField(feature);
  }

  /** One sketch per source field, {@code k} and filter: {@code price__kll200}. */
  private String sketchField(AggregateContext feature) {
    return feature.input().name() + "__kll" + k
        + (feature.filter() == null ? "" : "_where_" + feature.filter().name());
  }

  @Override
  public List<DataField> accumulatorFields(AggregateContext feature) {
    return List.of(new DataField(sketchField(feature),
        ValueType.reference(ValueType.Kind.KLL_SKETCH)));
  }

  @Override
  public CodeBlock add(AggregateContext feature) {
    String sketch = sketchField(feature);
    CodeBlock.Builder code = CodeBlock.builder();
    boolean nullable = feature.sourceType().isNullable();
    if (nullable) {
      code.beginControlFlow("if ($L != null)", feature.source());
    }
    code.beginControlFlow("if (acc.$N == null)", sketch)
        .addStatement("acc.$N = $T.newHeapInstance($L)", sketch, KLL, k)
        .endControlFlow()
        .addStatement("acc.$N.update($L)", sketch, feature.source());
    if (nullable) {
      code.endControlFlow();
    }
    return code.build();
  }

  @Override
  public CodeBlock merge(AggregateContext feature) {
    String sketch = sketchField(feature);
    return CodeBlock.builder()
        .beginControlFlow("if (other.$N != null)", sketch)
        .beginControlFlow("if (target.$N == null)", sketch)
        .addStatement("target.$N = $T.newHeapInstance($L)", sketch, KLL, k)
        .endControlFlow()
        .addStatement("target.$N.merge(other.$N)", sketch, sketch)
        .endControlFlow()
        .build();
  }

  @Override
  public CodeBlock result(AggregateContext feature) {
    String sketch = sketchField(feature);
    CodeBlock quantile = CodeBlock.of("acc.$N.getQuantile($L)", sketch, p);
    if (!feature.result().isNullable()) {
      return quantile;
    }
    return AggregateParts.resultOf(feature.result(), TypeName.DOUBLE, quantile,
        CodeBlock.of("acc.$N != null", sketch));
  }
}
