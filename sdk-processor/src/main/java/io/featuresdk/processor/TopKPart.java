package io.featuresdk.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.featuresdk.processor.FeatureGroupModel.DataField;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code @TopK}: a DataSketches frequent-items {@code ItemsSketch} of the non-null values with
 * {@code 2^lgMaxMapSize} slots, created on the first value and merged sketch into sketch; the row
 * gets the {@code k} largest estimates' values ({@code FrequentValues.top}), or {@code null}
 * without values.
 */
final class TopKPart implements AggregatePart {
  static final int DEFAULT_LG_MAX_MAP_SIZE = 10;
  private static final int MIN_LG_MAX_MAP_SIZE = 3;
  private static final int MAX_LG_MAX_MAP_SIZE = 20;
  private static final ClassName ITEMS_SKETCH =
      ClassName.get("org.apache.datasketches.frequencies", "ItemsSketch");
  private static final ClassName FREQUENT_VALUES =
      ClassName.get("io.featuresdk.runtime.spi", "FrequentValues");

  private final int k;
  private final int lgMaxMapSize;

  TopKPart(int k, int lgMaxMapSize) {
    this.k = k;
    this.lgMaxMapSize = lgMaxMapSize;
  }

  @Override
  public String annotationType() {
    return "io.featuresdk.annotations.TopK";
  }

  @Override
  public AggregatePart configured(Function<String, Object> members) {
    return new TopKPart((Integer) members.apply("k"), (Integer) members.apply("lgMaxMapSize"));
  }

  @Override
  public Optional<Problem> checkParameters() {
    if (lgMaxMapSize < MIN_LG_MAX_MAP_SIZE || lgMaxMapSize > MAX_LG_MAX_MAP_SIZE) {
      return Optional.of(new Problem(Messages.PARAMETER_OUT_OF_RANGE, "lgMaxMapSize",
          lgMaxMapSize, annotationSimpleName(), MIN_LG_MAX_MAP_SIZE + " to " + MAX_LG_MAX_MAP_SIZE,
          "lgMaxMapSize", DEFAULT_LG_MAX_MAP_SIZE));
    }
    if (k == 0) {
      return Optional.of(new Problem(Messages.VALUES_BOUND_MISSING, "k", annotationSimpleName(),
          "k"));
    }
    // the sketch tracks at most 0.75 * 2^lgMaxMapSize values at a time
    int maxK = Math.min(ValuesByTimePart.MAX_N, 3 << (lgMaxMapSize - 2));
    if (k < 0 || k > maxK) {
      return Optional.of(new Problem(Messages.PARAMETER_OUT_OF_RANGE, "k", k,
          annotationSimpleName(), "1 to " + maxK + " for lgMaxMapSize = " + lgMaxMapSize, "k",
          Math.min(10, maxK)));
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
        "the most frequent values are returned unchanged, in a list");
  }

  @Override
  public List<DataField> accumulatorFields(AggregateContext feature) {
    return List.of(new DataField(feature.field("sketch"),
        ValueType.itemsSketchOf(feature.sourceType().kind())));
  }

  @Override
  public CodeBlock add(AggregateContext feature) {
    String sketch = feature.field("sketch");
    CodeBlock.Builder code = CodeBlock.builder();
    boolean nullable = feature.sourceType().isNullable();
    if (nullable) {
      code.beginControlFlow("if ($L != null)", feature.source());
    }
    code.beginControlFlow("if (acc.$N == null)", sketch)
        .addStatement("acc.$N = new $T<>($L)", sketch, ITEMS_SKETCH, 1 << lgMaxMapSize)
        .endControlFlow()
        .addStatement("acc.$N.update($L)", sketch, feature.source());
    if (nullable) {
      code.endControlFlow();
    }
    return code.build();
  }

  @Override
  public CodeBlock merge(AggregateContext feature) {
    String sketch = feature.field("sketch");
    return CodeBlock.builder()
        .beginControlFlow("if (other.$N != null)", sketch)
        .beginControlFlow("if (target.$N == null)", sketch)
        .addStatement("target.$N = new $T<>($L)", sketch, ITEMS_SKETCH, 1 << lgMaxMapSize)
        .endControlFlow()
        .addStatement("target.$N.merge(other.$N)", sketch, sketch)
        .endControlFlow()
        .build();
  }

  @Override
  public CodeBlock result(AggregateContext feature) {
    String sketch = feature.field("sketch");
    return CodeBlock.of("acc.$N == null ? null : $T.top(acc.$N, $L)", sketch, FREQUENT_VALUES,
        sketch, k);
  }
}
