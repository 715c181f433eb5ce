package io.featuresdk.runtime.window;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts the events a window operator dropped as late in the metric
 * {@value WindowEngine#LATE_EVENTS_METRIC}. Emits nothing.
 */
final class LateEventCounter<I> extends ProcessFunction<I, Void> {
  private static final long serialVersionUID = 1L;

  private transient Counter lateEvents;

  @Override
  public void open(OpenContext openContext) {
    lateEvents = LateEvents.register(getRuntimeContext());
  }

  @Override
  public void processElement(I event, Context context, Collector<Void> out) {
    lateEvents.inc();
  }
}
