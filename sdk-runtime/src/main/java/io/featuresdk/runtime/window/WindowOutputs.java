package io.featuresdk.runtime.window;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/**
 * The side outputs a window operator emits its rows on: one per window and {@link RowKind}. The
 * operator's main output stays empty.
 *
 * @param <R> the feature row type
 */
public final class WindowOutputs<R> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Per window, in the operator's window order, the tag of each kind. */
  private final List<EnumMap<RowKind, OutputTag<R>>> tags;

  /**
   * @param groupNames the feature group name of each window, in the operator's window order; tag
   *     ids are derived from them, so they must be distinct
   */
  public WindowOutputs(List<String> groupNames, TypeInformation<R> rowType) {
    List<EnumMap<RowKind, OutputTag<R>>> all = new ArrayList<>();
    for (String name : groupNames) {
      EnumMap<RowKind, OutputTag<R>> byKind = new EnumMap<>(RowKind.class);
      for (RowKind kind : RowKind.values()) {
        byKind.put(kind, new OutputTag<>(name + "-" + kind.name().toLowerCase(), rowType));
      }
      all.add(byKind);
    }
    this.tags = List.copyOf(all);
  }

  /** The number of windows. */
  public int size() {
    return tags.size();
  }

  /** The tag of the rows of kind {@code kind} of the {@code window}-th window. */
  public OutputTag<R> tag(int window, RowKind kind) {
    return tags.get(window).get(kind);
  }

  /** The {@code window}-th window's row streams, taken from {@code operator}'s side outputs. */
  WindowRows<R> rowsOf(SingleOutputStreamOperator<?> operator, int window) {
    Map<RowKind, OutputTag<R>> byKind = tags.get(window);
    return new WindowRows<>(kind -> operator.getSideOutput(byKind.get(kind)));
  }
}
