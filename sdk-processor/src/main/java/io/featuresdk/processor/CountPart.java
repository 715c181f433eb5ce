package io.featuresdk.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.featuresdk.processor.FeatureGroupModel.DataField;
import java.util.List;
import java.util.Optional;

/**
 * {@code @Count}: the number of events, read from the accumulator's event count, so it needs no
 * fields of its own. An {@code int} field is accepted (the annotation documents it) and narrowed.
 */
final class CountPart implements AggregatePart {

  @Override
  public String annotationType() {
    return "io.featuresdk.annotations.Count";
  }

  @Override
  public boolean readsSourceField() {
    return false;
  }

  @Override
  public boolean definedWhenEmpty() {
    return true;
  }

  @Override
  public Optional<Problem> checkTypes(
      String fieldName, String sourceName, ValueType source, ValueType result) {
    if (result.kind() == ValueType.Kind.LONG || result.kind() == ValueType.Kind.INT) {
      return Optional.empty();
    }
    return Optional.of(
        new Problem(
            Messages.RESULT_TYPE_MISMATCH,
            fieldName, result, "Count", "events", "long",
            "a count is a whole number", "long"));
  }

  @Override
  public List<DataField> accumulatorFields(AggregateContext feature) {
    return List.of();
  }

  @Override
  public CodeBlock add(AggregateContext feature) {
    return CodeBlock.of("");
  }

  @Override
  public CodeBlock merge(AggregateContext feature) {
    return CodeBlock.of("");
  }

  @Override
  public CodeBlock result(AggregateContext feature) {
    return AggregateParts.resultOf(
        feature.result(), TypeName.LONG, CodeBlock.of("acc.$N", feature.countField()), null);
  }
}
