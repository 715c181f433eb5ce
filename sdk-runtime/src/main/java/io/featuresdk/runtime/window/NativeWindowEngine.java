package io.featuresdk.runtime.window;

import io.featuresdk.runtime.spi.FeatureGroupDefinition;
import io.featuresdk.runtime.spi.WindowSpec;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.OutputTag;

/**
 * Flink's own window operator: one {@code SlidingEventTimeWindows} (or
 * {@code TumblingEventTimeWindows}) operator per window, incrementally aggregating with the
 * generated aggregation. Each event updates {@code size / slide} accumulators; simple and the
 * reference the slice-sharing engine is compared with. Rows leave the operator on its side outputs
 * ({@link WindowOutputs}), one per {@link RowKind}.
 */
public final class NativeWindowEngine implements WindowEngine {
  private static final long serialVersionUID = 1L;

  private final WindowCompleteness completeness;

  /** Rows are complete by the {@linkplain WindowCompleteness#inferred() inferred} rule. */
  public NativeWindowEngine() {
    this(WindowCompleteness.inferred());
  }

  public NativeWindowEngine(WindowCompleteness completeness) {
    this.completeness = completeness;
  }

  @Override
  public <I, K, A, R> WindowRows<R> window(
      KeyedStream<I, K> input,
      FeatureGroupDefinition<?, I, K, A, R> definition,
      WindowSpec window,
      String groupName,
      String uidPrefix) {
    OutputTag<I> late = new OutputTag<>(groupName + "-late", input.getType());
    TypeInformation<A> accumulatorType = definition.accumulatorType();
    WindowOutputs<R> outputs = new WindowOutputs<>(List.of(groupName), definition.rowTypeInfo());
    SingleOutputStreamOperator<R> rows =
        input
            .window(assigner(window))
            .sideOutputLateData(late)
            .aggregate(
                new FeatureAggregateFunction<>(definition.aggregation()),
                new FeatureRowWindowFunction<K, A, R>(
                    definition.aggregation(), outputs, completeness),
                accumulatorType,
                accumulatorType,
                definition.rowTypeInfo())
            .name(groupName + " window")
            .uid(uidPrefix + "/window");
    rows.getSideOutput(late)
        .process(new LateEventCounter<I>(), Types.VOID)
        .name(groupName + " late events")
        .uid(uidPrefix + "/late-events");
    return outputs.rowsOf(rows, 0);
  }

  private static WindowAssigner<Object, TimeWindow> assigner(WindowSpec window) {
    return window.isTumbling()
        ? TumblingEventTimeWindows.of(window.size())
        : SlidingEventTimeWindows.of(window.size(), window.slide());
  }
}
