package io.featuresdk.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.featuresdk.processor.FeatureGroupModel.DataField;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code @Variance} and {@code @StdDev}: the count, mean and sum of squared deviations ({@code m2})
 * of the non-null values. Events update them with Welford's recurrence and slices merge with
 * Chan et al.'s pairwise formula; unlike a sum of squares minus a squared sum, neither cancels
 * catastrophically when the spread is small next to the values (prices around 3000 moving by
 * cents). The sample form divides {@code m2} by {@code n - 1}, the population form by {@code n}.
 */
final class VariancePart implements AggregatePart {
  private final String annotationType;
  private final boolean squareRoot;
  private final boolean population;

  private VariancePart(String annotationType, boolean squareRoot, boolean population) {
    this.annotationType = annotationType;
    this.squareRoot = squareRoot;
    this.population = population;
  }

  static VariancePart variance() {
    return new VariancePart("io.featuresdk.annotations.Variance", false, false);
  }

  static VariancePart standardDeviation() {
    return new VariancePart("io.featuresdk.annotations.StdDev", true, false);
  }

  @Override
  public String annotationType() {
    return annotationType;
  }

  @Override
  public AggregatePart configured(Function<String, Object> members) {
    return new VariancePart(annotationType, squareRoot, (Boolean) members.apply("population"));
  }

  /** The fewest values for which the result is defined. */
  private int minimumCount() {
    return population ? 1 : 2;
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
              fieldName, result, annotationSimpleName(), sourceName, source,
              "a " + (squareRoot ? "standard deviation" : "variance") + " is a fractional double",
              "Double"));
    }
    if (!population && !result.isNullable()) {
      return Optional.of(
          new Problem(
              Messages.NO_VALUE_INTO_PRIMITIVE,
              fieldName, result, "the sample @" + annotationSimpleName(),
              "fewer than two values (it divides by n - 1)", "Double"));
    }
    return AggregateParts.nullableIntoPrimitive(fieldName, sourceName, source, result);
  }

  @Override
  public List<DataField> accumulatorFields(AggregateContext feature) {
    return List.of(
        new DataField(feature.field("count"), ValueType.primitive(ValueType.Kind.LONG)),
        new DataField(feature.field("mean"), ValueType.primitive(ValueType.Kind.DOUBLE)),
        new DataField(feature.field("m2"), ValueType.primitive(ValueType.Kind.DOUBLE)));
  }

  @Override
  public CodeBlock add(AggregateContext feature) {
    String count = feature.field("count");
    String mean = feature.field("mean");
    String delta = feature.field("delta");
    CodeBlock.Builder code = CodeBlock.builder();
    boolean nullable = feature.sourceType().isNullable();
    if (nullable) {
      code.beginControlFlow("if ($L != null)", feature.source());
    }
    code.addStatement("acc.$N++", count)
        .addStatement("double $N = $L - acc.$N", delta, feature.source(), mean)
        .addStatement("acc.$N += $N / acc.$N", mean, delta, count)
        .addStatement("acc.$N += $N * ($L - acc.$N)", feature.field("m2"), delta,
            feature.source(), mean);
    if (nullable) {
      code.endControlFlow();
    }
    return code.build();
  }

  @Override
  public CodeBlock merge(AggregateContext feature) {
    String count = feature.field("count");
    String mean = feature.field("mean");
    String m2 = feature.field("m2");
    String delta = feature.field("delta");
    String total = feature.field("total");
    return CodeBlock.builder()
        .beginControlFlow("if (target.$N == 0)", count)
        .addStatement("target.$N = other.$N", mean, mean)
        .addStatement("target.$N = other.$N", m2, m2)
        .nextControlFlow("else if (other.$N > 0)", count)
        .addStatement("double $N = target.$N + other.$N", total, count, count)
        .addStatement("double $N = other.$N - target.$N", delta, mean, mean)
        .addStatement("target.$N += $N * (other.$N / $N)", mean, delta, count, total)
        .addStatement("target.$N += other.$N + $N * $N * (target.$N * (other.$N / $N))",
            m2, m2, delta, delta, count, count, total)
        .endControlFlow()
        .addStatement("target.$N += other.$N", count, count)
        .build();
  }

  @Override
  public CodeBlock result(AggregateContext feature) {
    String count = feature.field("count");
    CodeBlock divided = CodeBlock.of("acc.$N / $L", feature.field("m2"),
        population ? CodeBlock.of("acc.$N", count) : CodeBlock.of("(acc.$N - 1)", count));
    CodeBlock value = squareRoot ? CodeBlock.of("$T.sqrt($L)", Math.class, divided) : divided;
    boolean alwaysDefined = population && !feature.sourceType().isNullable();
    return AggregateParts.resultOf(
        feature.result(),
        TypeName.DOUBLE,
        value,
        alwaysDefined ? null : CodeBlock.of("acc.$N >= $L", count, minimumCount()));
  }
}
