package io.featuresdk.processor;

import com.palantir.javapoet.CodeBlock;
import io.featuresdk.processor.FeatureGroupModel.DataField;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One kind of aggregate (count, sum, avg, ...): the annotation that declares it, which types it
 * accepts, and the code it contributes to the generated accumulator and aggregation.
 *
 * <p>A new aggregate (stddev, distinct count, percentiles) is one new annotation and one new
 * implementation listed in {@link AggregateParts#ALL}; neither the validator nor the writers change.
 */
interface AggregatePart {

  /** The qualified name of the annotation that declares this aggregate. */
  String annotationType();

  /** The annotation's simple name, for messages: {@code Sum}. */
  default String annotationSimpleName() {
    return annotationType().substring(annotationType().lastIndexOf('.') + 1);
  }

  /** Whether the annotation names a source field in its {@code value} member, as most do. */
  default boolean readsSourceField() {
    return true;
  }

  /**
   * This aggregate as configured by its annotation's members, read through {@code members} with
   * defaults (e.g. {@code population = true}); parts without parameters return themselves.
   */
  default AggregatePart configured(Function<String, Object> members) {
    return this;
  }

  /**
   * Checks the configured annotation parameters ({@link #configured}); each problem's first
   * argument is the annotation member at fault, where the error is reported.
   */
  default Optional<Problem> checkParameters() {
    return Optional.empty();
  }

  /**
   * The accumulator state this feature shares with others that return the same key, e.g. one
   * percentile sketch for several percentiles of a field; {@code null} for state of its own. Of
   * features sharing state, only the first declares its fields and adds and merges into them.
   */
  default String sharedState(AggregateContext feature) {
    return null;
  }

  /**
   * Whether the result has a value over no events (a count or sum of nothing is 0); otherwise a
   * filtered feature is {@code null} when no event matched, so its field must be nullable.
   */
  default boolean definedWhenEmpty() {
    return false;
  }

  /** Whether the feature is a {@code List} of values rather than one value. */
  default boolean producesList() {
    return false;
  }

  /**
   * Checks the source field type (null when {@link #readsSourceField()} is false) against the
   * feature field type; empty when the combination is valid.
   */
  Optional<Problem> checkTypes(String fieldName, String sourceName, ValueType source, ValueType result);

  /** The accumulator fields this feature needs, named through {@link AggregateContext#field}. */
  List<DataField> accumulatorFields(AggregateContext feature);

  /** Statements adding {@code input} to {@code acc}. */
  CodeBlock add(AggregateContext feature);

  /** Statements merging {@code other} into {@code target}; {@code target}'s events came first. */
  CodeBlock merge(AggregateContext feature);

  /** An expression of the feature field's type computing the result from a non-empty {@code acc}. */
  CodeBlock result(AggregateContext feature);

  /** A problem found by {@link #checkTypes}: a message and its arguments. */
  record Problem(Messages message, Object... args) {}
}
