package io.featuresdk.runtime.window;

import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.FeatureRecord;
import io.featuresdk.runtime.store.FeatureRecordTypeInfo;
import io.featuresdk.runtime.testing.ClickFeatureGroup;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickFeaturesCodec;
import io.featuresdk.runtime.testing.ClickInput;
import io.featuresdk.runtime.testing.ClickOracle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.io.DecoderFactory;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.SimpleOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;

/** Builds window operators of both engines for the click stand-in and reads their rows back. */
final class WindowHarnesses {
  private WindowHarnesses() {}

  static OutputTag<FeatureRecord> tag(String groupName) {
    return new OutputTag<>(groupName, FeatureRecordTypeInfo.INSTANCE);
  }

  static String name(WindowSpec window) {
    return "clicks_" + window.sizeMillis() + "_" + window.slideMillis();
  }

  static SlicedWindowOperator<String, ClickInput, ?, ClickFeatures> sliced(
      ClickFeatureGroup group, List<WindowSpec> windows) {
    return sliced(group, windows, SlicedWindowOperator.DEFAULT_STACK_THRESHOLD);
  }

  /** With {@code stackThreshold} 1 every window of more than one slice uses two stacks. */
  static SlicedWindowOperator<String, ClickInput, ?, ClickFeatures> sliced(
      ClickFeatureGroup group, List<WindowSpec> windows, int stackThreshold) {
    return sliced(group, windows, stackThreshold, WindowCompleteness.inferred());
  }

  static SlicedWindowOperator<String, ClickInput, ?, ClickFeatures> sliced(
      ClickFeatureGroup group,
      List<WindowSpec> windows,
      int stackThreshold,
      WindowCompleteness completeness) {
    List<OutputTag<FeatureRecord>> tags = new ArrayList<>();
    for (WindowSpec window : windows) {
      tags.add(tag(name(window)));
    }
    return new SlicedWindowOperator<>(
        windows, group.aggregation(), group.codec(), group.accumulatorType(), tags, completeness,
        stackThreshold);
  }

  static KeyedOneInputStreamOperatorTestHarness<String, ClickInput, FeatureRecord> harness(
      ClickFeatureGroup group, OneInputStreamOperator<ClickInput, FeatureRecord> operator)
      throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        operator, group.keySelector(), group.keyType());
  }

  /** A harness on the {@code "heap"} or the {@code "rocksdb"} state backend. */
  static KeyedOneInputStreamOperatorTestHarness<String, ClickInput, FeatureRecord> harness(
      ClickFeatureGroup group, OneInputStreamOperator<ClickInput, FeatureRecord> operator, String backend)
      throws Exception {
    var harness = harness(group, operator);
    harness.setStateBackend(
        backend.equals("rocksdb") ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend());
    return harness;
  }

  /** The window operator {@link NativeWindowEngine} adds for {@code window}. */
  @SuppressWarnings("unchecked")
  static OneInputStreamOperator<ClickInput, FeatureRecord> nativeOperator(
      ClickFeatureGroup group, WindowSpec window) {
    return nativeOperator(group, window, WindowCompleteness.inferred());
  }

  @SuppressWarnings("unchecked")
  static OneInputStreamOperator<ClickInput, FeatureRecord> nativeOperator(
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
    return (OneInputStreamOperator<ClickInput, FeatureRecord>)
        ((SimpleOperatorFactory<FeatureRecord>) node.getOperatorFactory()).getOperator();
  }

  static ClickFeatures decode(FeatureRecord record) {
    try {
      return new ClickFeaturesCodec()
          .decode(DecoderFactory.get().binaryDecoder(record.value(), null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<ClickFeatures> rows(Iterable<StreamRecord<FeatureRecord>> records) {
    List<ClickFeatures> rows = new ArrayList<>();
    if (records != null) {
      for (StreamRecord<FeatureRecord> record : records) {
        rows.add(decode(record.getValue()));
      }
    }
    return rows;
  }

  /** Each row's {@link FeatureRecord#complete()} flag by {@code user@windowEnd}. */
  static Map<String, Boolean> completeFlags(Iterable<StreamRecord<FeatureRecord>> records) {
    List<FeatureRecord> values = new ArrayList<>();
    if (records != null) {
      records.forEach(record -> values.add(record.getValue()));
    }
    return completeFlags(values);
  }

  static Map<String, Boolean> completeFlags(List<FeatureRecord> records) {
    Map<String, Boolean> flags = new TreeMap<>();
    for (FeatureRecord record : records) {
      flags.put(ClickOracle.id(decode(record)), record.complete());
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
