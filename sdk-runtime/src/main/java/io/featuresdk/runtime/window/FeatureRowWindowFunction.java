package io.featuresdk.runtime.window;

import io.featuresdk.runtime.spi.FeatureAggregation;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Turns a fired window's accumulator into its feature row; Flink stamps it with the window's
 * {@code end - 1}, as the sliced engine does.
 */
final class FeatureRowWindowFunction<K, A, R> extends ProcessWindowFunction<A, R, K, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final FeatureAggregation<?, A, R> aggregation;

  FeatureRowWindowFunction(FeatureAggregation<?, A, R> aggregation) {
    this.aggregation = aggregation;
  }

  @Override
  public void process(K key, Context context, Iterable<A> accumulators, Collector<R> out) {
    TimeWindow window = context.window();
    for (A accumulator : accumulators) {
      if (!aggregation.isEmpty(accumulator)) {
        out.collect(aggregation.toRow(accumulator, window.getStart(), window.getEnd()));
      }
    }
  }
}
