package io.featuresdk.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.featuresdk.processor.FeatureGroupModel.DataField;
import io.featuresdk.processor.FeatureGroupModel.InputField;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code @LastN} and {@code @FirstN}: an {@code EventTimeValues} of at most {@code n} non-null
 * values with their event times, created on the first value. Merge adds {@code other}'s values
 * after {@code target}'s, since {@code other}'s events arrived later, so ties by event time go by
 * arrival as for {@code @First}/{@code @Last}. The row gets the values oldest first, or
 * {@code null} when none was kept.
 */
final class ValuesByTimePart implements AggregatePart {
  static final int MAX_N = 1_000;
  private static final ClassName EVENT_TIME_VALUES =
      ClassName.get("io.featuresdk.runtime.spi", "EventTimeValues");

  private final String annotationType;
  private final boolean keepLatest;
  private final int n;
  private final boolean distinct;

  private ValuesByTimePart(String annotationType, boolean keepLatest, int n, boolean distinct) {
    this.annotationType = annotationType;
    this.keepLatest = keepLatest;
    this.n = n;
    this.distinct = distinct;
  }

  static ValuesByTimePart lastN() {
    return new ValuesByTimePart("io.featuresdk.annotations.LastN", true, 0, false);
  }

  static ValuesByTimePart firstN() {
    return new ValuesByTimePart("io.featuresdk.annotations.FirstN", false, 0, false);
  }

  @Override
  public String annotationType() {
    return annotationType;
  }

  @Override
  public AggregatePart configured(Function<String, Object> members) {
    return new ValuesByTimePart(annotationType, keepLatest, (Integer) members.apply("n"),
        (Boolean) members.apply("distinct"));
  }

  @Override
  public Optional<Problem> checkParameters() {
    if (n == 0) {
      return Optional.of(new Problem(Messages.VALUES_BOUND_MISSING, "n", annotationSimpleName(), "n"));
    }
    if (n < 0 || n > MAX_N) {
      return Optional.of(new Problem(Messages.PARAMETER_OUT_OF_RANGE, "n", n,
          annotationSimpleName(), "1 to " + MAX_N, "n", 10));
    }
    return Optional.empty();
  }

  @Override
  public boolean producesList() {
    return true;
  }

  @Override
  public Optional<Problem> checkTypes(
      String fieldName, String sourceName, ValueType source, ValueType result) {
    return AggregateParts.notAListOfTheSource(this, fieldName, sourceName, source, result,
        "the values are kept unchanged, in a list");
  }

  @Override
  public List<DataField> accumulatorFields(AggregateContext feature) {
    return List.of(new DataField(feature.field("values"),
        ValueType.timedValuesOf(feature.sourceType().kind())));
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
        .addStatement("acc.$N = new $T<>($L, $L, $L)", values, EVENT_TIME_VALUES, n, keepLatest,
            distinct)
        .endControlFlow()
        .addStatement("acc.$N.add(input.$N, $L)", values, InputField.EVENT_TIME, feature.source());
    if (nullable) {
      code.endControlFlow();
    }
    return code.build();
  }

  @Override
  public CodeBlock merge(AggregateContext feature) {
    String values = feature.field("values");
    return CodeBlock.builder()
        .beginControlFlow("if (other.$N != null)", values)
        .beginControlFlow("if (target.$N == null)", values)
        .addStatement("target.$N = other.$N.copy()", values, values)
        .nextControlFlow("else")
        .addStatement("target.$N.mergeLater(other.$N)", values, values)
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  @Override
  public CodeBlock result(AggregateContext feature) {
    String values = feature.field("values");
    return CodeBlock.of("acc.$N == null ? null : acc.$N.toList()", values, values);
  }
}
