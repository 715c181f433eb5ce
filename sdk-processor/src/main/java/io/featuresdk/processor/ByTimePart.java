package io.featuresdk.processor;

import com.palantir.javapoet.CodeBlock;
import io.featuresdk.processor.FeatureGroupModel.DataField;
import io.featuresdk.processor.FeatureGroupModel.InputField;
import java.util.List;
import java.util.Optional;

/**
 * The shared shape of {@link FirstPart} and {@link LastPart}: a value and the event time it came
 * with. Ties are broken by arrival, which is why merge relies on {@code target}'s events having
 * arrived before {@code other}'s. Null values are kept like any other value.
 */
abstract class ByTimePart implements AggregatePart {
  private final String annotationType;
  private final String replaces;

  /** @param replaces the comparison of a candidate's time with the current one that makes it win */
  ByTimePart(String annotationType, String replaces) {
    this.annotationType = annotationType;
    this.replaces = replaces;
  }

  @Override
  public final String annotationType() {
    return annotationType;
  }


  @Override
  public final Optional<Problem> checkTypes(
      String fieldName, String sourceName, ValueType source, ValueType result) {
    if (result.kind() != source.kind()) {
      ValueType fix = source.kind().isPrimitive() && result.isNullable()
          ? ValueType.boxedOf(source.kind())
          : source;
      return Optional.of(
          new Problem(
              Messages.RESULT_TYPE_MISMATCH,
              fieldName, result, annotationSimpleName(), sourceName, source,
              "the value is copied unchanged, so the types must match", fix));
    }
    return AggregateParts.nullableIntoPrimitive(fieldName, sourceName, source, result);
  }

  @Override
  public final List<DataField> accumulatorFields(AggregateContext feature) {
    return List.of(
        new DataField(feature.field("value"), feature.sourceType()),
        new DataField(feature.field("time"), ValueType.primitive(ValueType.Kind.LONG)));
  }

  @Override
  public final CodeBlock add(AggregateContext feature) {
    return CodeBlock.builder()
        .beginControlFlow("if (acc.$N == 0 || input.$N $L acc.$N)",
            feature.countField(), InputField.EVENT_TIME, replaces, feature.field("time"))
        .addStatement("acc.$N = $L", feature.field("value"), feature.source())
        .addStatement("acc.$N = input.$N", feature.field("time"), InputField.EVENT_TIME)
        .endControlFlow()
        .build();
  }

  @Override
  public final CodeBlock merge(AggregateContext feature) {
    String count = feature.countField();
    String time = feature.field("time");
    return CodeBlock.builder()
        .beginControlFlow("if (other.$N > 0 && (target.$N == 0 || other.$N $L target.$N))",
            count, count, time, replaces, time)
        .addStatement("target.$N = other.$N", feature.field("value"), feature.field("value"))
        .addStatement("target.$N = other.$N", time, time)
        .endControlFlow()
        .build();
  }

  @Override
  public final CodeBlock result(AggregateContext feature) {
    return CodeBlock.of("acc.$N", feature.field("value"));
  }
}
