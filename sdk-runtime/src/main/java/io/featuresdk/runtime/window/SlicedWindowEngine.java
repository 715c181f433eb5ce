package io.featuresdk.runtime.window;

import io.featuresdk.runtime.spi.FeatureGroupDefinition;
import io.featuresdk.runtime.spi.WindowSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/**
 * One {@link SlicedWindowOperator} per feature group computes all of its windows: one accumulator
 * update per event, whatever the number of windows and slides. Each window's rows leave the
 * operator on a side output of their own.
 */
public final class SlicedWindowEngine implements WindowEngine {
  private static final long serialVersionUID = 1L;

  /**
   * Internal tuning knob, read when the job graph is built: windows of more than this many slices
   * are answered from two stacks instead of merging every slice (default 16). Benchmarks set it to
   * measure both.
   */
  public static final String STACK_THRESHOLD_PROPERTY = "featuresdk.sliced.stackThreshold";

  @Override
  public <I, K, A, R> DataStream<R> window(
      KeyedStream<I, K> input,
      FeatureGroupDefinition<?, I, K, A, R> definition,
      WindowSpec window,
      String groupName,
      String uidPrefix) {
    return build(input, definition, List.of(window), List.of(groupName), groupName, uidPrefix)
        .get(window);
  }

  @Override
  public <I, K, A, R> Map<WindowSpec, DataStream<R>> windows(
      KeyedStream<I, K> input,
      FeatureGroupDefinition<?, I, K, A, R> definition,
      List<WindowSpec> windows,
      List<String> groupNames,
      String uidPrefix) {
    return build(
        input, definition, windows, groupNames, definition.info().nameTemplate(), uidPrefix + "/sliced");
  }

  @Override
  public boolean sharesWindows() {
    return true;
  }

  private static <I, K, A, R> Map<WindowSpec, DataStream<R>> build(
      KeyedStream<I, K> input,
      FeatureGroupDefinition<?, I, K, A, R> definition,
      List<WindowSpec> windows,
      List<String> groupNames,
      String operatorName,
      String uid) {
    TypeInformation<R> rowType = definition.rowTypeInfo();
    List<OutputTag<R>> tags = new ArrayList<>();
    for (String name : groupNames) {
      tags.add(new OutputTag<>(name, rowType));
    }
    SingleOutputStreamOperator<R> operator =
        input
            .transform(
                operatorName + " windows",
                rowType,
                new SlicedWindowOperator<>(
                    windows,
                    definition.aggregation(),
                    definition.accumulatorType(),
                    tags,
                    Integer.getInteger(
                        STACK_THRESHOLD_PROPERTY, SlicedWindowOperator.DEFAULT_STACK_THRESHOLD)))
            .uid(uid + "/windows");
    Map<WindowSpec, DataStream<R>> streams = new LinkedHashMap<>();
    for (int i = 0; i < windows.size(); i++) {
      streams.put(windows.get(i), operator.getSideOutput(tags.get(i)));
    }
    return streams;
  }
}
