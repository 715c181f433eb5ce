package io.featuresdk.runtime.window;

import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.testing.ClickFeatureGroup;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickInput;
import io.featuresdk.runtime.testing.ClickOracle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.SimpleOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;

/** Builds window operators of both engines for the click stand-in and reads their rows back. */
final class WindowHarnesses {
  private WindowHarnesses() {}

  /** The side output of {@code kind} final rows of the window named {@code groupName}. */
  static OutputTag<ClickFeatures> tag(String groupName, RowKind kind) {
    return outputs(groupName).tag(0, kind);
  }

  private static WindowOutputs<ClickFeatures> outputs(String groupName) {
    return new WindowOutputs<>(List.of(groupName), Types.POJO(ClickFeatures.class));
  }

  /** The provisional rows of the window named {@code groupName}, each with its arrival time. */
  static List<StreamRecord<Tuple2<ClickFeatures, Long>>> provisionalWithArrival(
      AbstractStreamOperatorTestHarness<?> harness, String groupName) {
    var output = harness.getSideOutput(outputs(groupName).provisionalTag(0));
    return output == null ? List.of() : new ArrayList<>(output);
  }

  /** The {@code kind} rows the window named {@code groupName} emitted so far, in order. */
  static List<StreamRecord<ClickFeatures>> rows(
      AbstractStreamOperatorTestHarness<?> harness, String groupName, RowKind kind) {
    if (!kind.isFinal()) {
      return provisionalWithArrival(harness, groupName).stream()
          .map(timed -> new StreamRecord<>(timed.getValue().f0, timed.getTimestamp()))
          .toList();
    }
    var output = harness.getSideOutput(tag(groupName, kind));
    return output == null ? List.of() : new ArrayList<>(output);
  }

  static String name(WindowSpec window) {
    return "clicks_" + window.sizeMillis() + "_" + window.slideMillis();
  }

  static SlicedWindowOperator<String, ClickInput, ?, ClickFeatures> sliced(
      ClickFeatureGroup group, List<WindowSpec> windows) {
    return sliced(group, windows, SlicedWindowOperator.DEFAULT_STACK_THRESHOLD);
  }

  /**
   * With {@code stackThreshold} 1 every window of more than one slice uses two stacks; any
   * threshold below the default selects the per-slice layout, which has the stacks.
   */
  static SlicedWindowOperator<String, ClickInput, ?, ClickFeatures> sliced(
      ClickFeatureGroup group, List<WindowSpec> windows, int stackThreshold) {
    return sliced(group, windows, stackThreshold, WindowCompleteness.inferred());
  }

  static SlicedWindowOperator<String, ClickInput, ?, ClickFeatures> sliced(
      ClickFeatureGroup group,
      List<WindowSpec> windows,
      int stackThreshold,
      WindowCompleteness completeness) {
    List<String> names = new ArrayList<>();
    for (WindowSpec window : windows) {
      names.add(name(window));
    }
    return new SlicedWindowOperator<>(
        windows,
        group.aggregation(),
        group.accumulatorType(),
        new WindowOutputs<>(names, Types.POJO(ClickFeatures.class)),
        completeness,
        stackThreshold);
  }

  /** A sliced operator that emits a {@link RowKind#EMPTY} row when a key's window becomes empty. */
  static SlicedWindowOperator<String, ClickInput, ?, ClickFeatures> slicedWithEmptyRows(
      ClickFeatureGroup group, List<WindowSpec> windows, int stackThreshold) {
    return sliced(group, windows, stackThreshold, true, 0);
  }

  /** A sliced operator accepting events up to {@code latenessMillis} behind fired windows. */
  static SlicedWindowOperator<String, ClickInput, ?, ClickFeatures> slicedWithLateness(
      ClickFeatureGroup group, List<WindowSpec> windows, int stackThreshold, long latenessMillis) {
    return sliced(group, windows, stackThreshold, false, latenessMillis);
  }

  static SlicedWindowOperator<String, ClickInput, ?, ClickFeatures> sliced(
      ClickFeatureGroup group,
      List<WindowSpec> windows,
      int stackThreshold,
      boolean emptyRows,
      long latenessMillis) {
    List<String> names = new ArrayList<>();
    for (WindowSpec window : windows) {
      names.add(name(window));
    }
    return new SlicedWindowOperator<>(
        windows,
        group.aggregation(),
        group.accumulatorType(),
        new WindowOutputs<>(names, Types.POJO(ClickFeatures.class)),
        WindowCompleteness.inferred(),
        stackThreshold,
        0,
        emptyRows ? group.rowTypeInfo() : null,
        latenessMillis,
        SlicedWindowOperator.DEFAULT_MINI_BATCH_KEYS);
  }

  static KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> harness(
      ClickFeatureGroup group, OneInputStreamOperator<ClickInput, ClickFeatures> operator)
      throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        operator, group.keySelector(), group.keyType());
  }

  /** A harness on the {@code "heap"} or the {@code "rocksdb"} state backend. */
  static KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> harness(
      ClickFeatureGroup group, OneInputStreamOperator<ClickInput, ClickFeatures> operator, String backend)
      throws Exception {
    var harness = harness(group, operator);
    harness.setStateBackend(
        backend.equals("rocksdb") ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend());
    return harness;
  }

  /** The window operator {@link NativeWindowEngine} adds for {@code window}. */
  @SuppressWarnings("unchecked")
  static OneInputStreamOperator<ClickInput, ClickFeatures> nativeOperator(
      ClickFeatureGroup group, WindowSpec window) {
    return nativeOperator(group, window, WindowCompleteness.inferred());
  }

  @SuppressWarnings("unchecked")
  static OneInputStreamOperator<ClickInput, ClickFeatures> nativeOperator(
      ClickFeatureGroup group, WindowSpec window, WindowCompleteness completeness) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    String name = name(window);
    new NativeWindowEngine(completeness)
        .window(
            env.fromData(List.of(new ClickInput("a", 1)), group.inputType())
                .keyBy(group.keySelector(), group.keyType()),
            group, window, name, "test");
    StreamGraph graph = env.getStreamGraph();
    StreamNode node =
        graph.getStreamNodes().stream()
            .filter(n -> n.getOperatorName().equals(name + " window"))
            .findFirst()
            .orElseThrow();
    return (OneInputStreamOperator<ClickInput, ClickFeatures>)
        ((SimpleOperatorFactory<ClickFeatures>) node.getOperatorFactory()).getOperator();
  }

  /** The final rows of both kinds the window named {@code name} emitted so far, in order of end. */
  static List<StreamRecord<ClickFeatures>> records(
      AbstractStreamOperatorTestHarness<ClickFeatures> harness, String name) {
    List<StreamRecord<ClickFeatures>> records = new ArrayList<>();
    for (RowKind kind : List.of(RowKind.COMPLETE, RowKind.TRUNCATED)) {
      records.addAll(rows(harness, name, kind));
    }
    records.sort(Comparator.comparingLong(StreamRecord::getTimestamp));
    return records;
  }

  /** The final rows of both kinds the window named {@code name} emitted so far, in order of end. */
  static List<ClickFeatures> rows(
      AbstractStreamOperatorTestHarness<ClickFeatures> harness, String name) {
    List<ClickFeatures> rows = new ArrayList<>();
    records(harness, name).forEach(record -> rows.add(record.getValue()));
    return rows;
  }

  /** Whether each row the window named {@code name} emitted is complete, by {@code user@windowEnd}. */
  static Map<String, Boolean> completeFlags(
      AbstractStreamOperatorTestHarness<ClickFeatures> harness, String name) {
    Map<String, Boolean> flags = new TreeMap<>();
    for (RowKind kind : List.of(RowKind.COMPLETE, RowKind.TRUNCATED)) {
      rows(harness, name, kind)
          .forEach(record -> flags.put(ClickOracle.id(record.getValue()), kind.complete()));
    }
    return flags;
  }

  static String describe(List<ClickFeatures> rows) {
    // rows of one watermark have no defined order across keys
    return String.join(
        ",",
        rows.stream()
            .map(r -> r.user + "@" + r.windowEnd + "#" + r.count + "=" + r.sum)
            .sorted()
            .toList());
  }
}
