package io.featuresdk.runtime.window;

import io.featuresdk.runtime.spi.FeatureAggregation;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Turns a fired window's accumulator into its feature row and emits it on the side output of its
 * {@link RowKind}, complete or truncated by the {@link WindowCompleteness} rule (the key's first
 * window end lives in the window operator's per-key global state). Flink stamps side-output rows
 * with the window's {@code end - 1}, as the sliced engine does.
 *
 * <p>Flink's window operator forgets, on restore, which windows fired: its watermark starts again
 * from the minimum and fired windows' state is gone, so an event for a fired window opens it again
 * and it fires a second time with only the events that arrived since. One operator fires a key's
 * windows in order of their end, so such a second firing is recognised by its end not being after
 * the key's last emitted end (per-key global state) and suppressed.
 */
final class FeatureRowWindowFunction<K, A, R> extends ProcessWindowFunction<A, R, K, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final FeatureAggregation<?, A, R> aggregation;
  private final WindowOutputs<R> outputs;
  private final WindowCompleteness completeness;

  private transient ValueStateDescriptor<Long> firstWindowEnd;
  private transient ValueStateDescriptor<Long> lastEmittedEnd;

  /** @param outputs the side outputs of the one window this function computes */
  FeatureRowWindowFunction(
      FeatureAggregation<?, A, R> aggregation,
      WindowOutputs<R> outputs,
      WindowCompleteness completeness) {
    this.aggregation = aggregation;
    this.outputs = outputs;
    this.completeness = completeness;
  }

  @Override
  public void open(OpenContext openContext) {
    firstWindowEnd = new ValueStateDescriptor<>("first-window-end", LongSerializer.INSTANCE);
    lastEmittedEnd = new ValueStateDescriptor<>("last-emitted-end", LongSerializer.INSTANCE);
  }

  @Override
  public void process(K key, Context context, Iterable<A> accumulators, Collector<R> out)
      throws Exception {
    TimeWindow window = context.window();
    for (A accumulator : accumulators) {
      if (aggregation.isEmpty(accumulator) || !firstFiring(context, window.getEnd())) {
        continue;
      }
      boolean complete =
          completeness.isComplete(
              window.getStart(),
              window.getEnd(),
              context.currentWatermark(),
              end -> firstWindowEnd(context, end));
      context.output(
          outputs.tag(0, RowKind.of(complete)),
          aggregation.toRow(accumulator, window.getStart(), window.getEnd()));
    }
  }

  /** Whether the key has not emitted this window yet (see the class comment); records it. */
  private boolean firstFiring(Context context, long end) throws Exception {
    ValueState<Long> last = context.globalState().getState(lastEmittedEnd);
    Long lastEnd = last.value();
    if (lastEnd != null && end <= lastEnd) {
      return false;
    }
    last.update(end);
    return true;
  }

  private long firstWindowEnd(Context context, long end) throws Exception {
    ValueState<Long> first = context.globalState().getState(firstWindowEnd);
    Long recorded = first.value();
    if (recorded == null) {
      first.update(end);
      return end;
    }
    return recorded;
  }
}
