package io.featuresdk.runtime.window;

import io.featuresdk.runtime.spi.FeatureAggregation;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Adapts a generated {@link FeatureAggregation} to Flink's {@link AggregateFunction}. The result
 * is the accumulator itself; {@link FeatureRowWindowFunction} turns it into a row once the
 * window's bounds are known.
 */
final class FeatureAggregateFunction<I, A> implements AggregateFunction<I, A, A> {
  private static final long serialVersionUID = 1L;

  private final FeatureAggregation<I, A, ?> aggregation;

  FeatureAggregateFunction(FeatureAggregation<I, A, ?> aggregation) {
    this.aggregation = aggregation;
  }

  @Override
  public A createAccumulator() {
    return aggregation.createAccumulator();
  }

  @Override
  public A add(I input, A accumulator) {
    aggregation.add(accumulator, input);
    return accumulator;
  }

  @Override
  public A getResult(A accumulator) {
    return accumulator;
  }

  @Override
  public A merge(A target, A other) {
    aggregation.merge(target, other);
    return target;
  }
}
