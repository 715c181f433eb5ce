package io.featuresdk.runtime.window;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/**
 * The side outputs a window operator emits its rows on: one per window and {@link RowKind}. The
 * operator's main output stays empty. Final rows travel as they are; {@link RowKind#PROVISIONAL}
 * rows travel with the wall-clock time their oldest not-yet-shown event arrived (a {@code Tuple2}
 * of row and arrival time), which the stores need to measure freshness ({@link
 * io.featuresdk.runtime.store.FeatureRecord#arrivalMillis()}).
 *
 * @param <R> the feature row type
 */
public final class WindowOutputs<R> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TypeInformation<R> rowType;
  /** Per window, in the operator's window order, the tag of each final kind. */
  private final List<EnumMap<RowKind, OutputTag<R>>> tags;
  /** Per window the tag of its provisional rows with their arrival times. */
  private final List<OutputTag<Tuple2<R, Long>>> provisionalTags;

  /**
   * @param groupNames the feature group name of each window, in the operator's window order; tag
   *     ids are derived from them, so they must be distinct
   */
  public WindowOutputs(List<String> groupNames, TypeInformation<R> rowType) {
    this.rowType = rowType;
    List<EnumMap<RowKind, OutputTag<R>>> all = new ArrayList<>();
    List<OutputTag<Tuple2<R, Long>>> provisional = new ArrayList<>();
    TupleTypeInfo<Tuple2<R, Long>> timedRowType = new TupleTypeInfo<>(rowType, Types.LONG);
    for (String name : groupNames) {
      EnumMap<RowKind, OutputTag<R>> byKind = new EnumMap<>(RowKind.class);
      for (RowKind kind : RowKind.values()) {
        if (kind.isFinal()) {
          byKind.put(kind, new OutputTag<>(name + "-" + kind.name().toLowerCase(), rowType));
        }
      }
      all.add(byKind);
      provisional.add(new OutputTag<>(name + "-provisional", timedRowType));
    }
    this.tags = List.copyOf(all);
    this.provisionalTags = List.copyOf(provisional);
  }

  /** The number of windows. */
  public int size() {
    return tags.size();
  }

  /**
   * The tag of the final rows of kind {@code kind} of the {@code window}-th window.
   *
   * @throws IllegalArgumentException for {@link RowKind#PROVISIONAL}: see {@link #provisionalTag}
   */
  public OutputTag<R> tag(int window, RowKind kind) {
    if (!kind.isFinal()) {
      throw new IllegalArgumentException(
          "provisional rows travel with their arrival time; use provisionalTag(window)");
    }
    return tags.get(window).get(kind);
  }

  /** The tag of the {@code window}-th window's provisional rows, each with its arrival time. */
  public OutputTag<Tuple2<R, Long>> provisionalTag(int window) {
    return provisionalTags.get(window);
  }

  /** The {@code window}-th window's row streams, taken from {@code operator}'s side outputs. */
  WindowRows<R> rowsOf(SingleOutputStreamOperator<?> operator, int window) {
    Map<RowKind, OutputTag<R>> byKind = tags.get(window);
    return new WindowRows<>(
        kind -> operator.getSideOutput(byKind.get(kind)),
        operator.getSideOutput(provisionalTags.get(window)),
        rowType);
  }
}
