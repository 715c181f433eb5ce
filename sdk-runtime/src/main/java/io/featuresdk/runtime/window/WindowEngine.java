package io.featuresdk.runtime.window;

import io.featuresdk.runtime.spi.FeatureGroupDefinition;
import io.featuresdk.runtime.spi.WindowSpec;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.KeyedStream;

/**
 * Computes the feature rows of one window of a feature group from a keyed, timestamped stream of
 * input records. Every engine must honour the same contract, which the pipeline's tests check
 * against a brute-force oracle:
 *
 * <ul>
 *   <li>windows are {@code [end - size, end)}, aligned to the epoch, ending every slide;
 *   <li>a window's row is emitted once, when the watermark passes its end, as a typed row of the
 *       definition's {@code rowTypeInfo()} with stream timestamp {@code end - 1} (Flink's
 *       {@code TimeWindow.maxTimestamp()}), and not again after a restore;
 *   <li>each row goes to the stream of its {@link RowKind}: complete or truncated by the engine's
 *       {@link WindowCompleteness};
 *   <li>windows without events emit nothing (the sliced engine can emit one {@link RowKind#EMPTY}
 *       row when a key's window becomes empty, see {@link EmptyWindowRows});
 *   <li>events that arrive after their windows fired are dropped and counted in the operator
 *       metric {@value #LATE_EVENTS_METRIC}.
 * </ul>
 */
public interface WindowEngine extends Serializable {

  /** The name of the counter of events dropped because all their windows had fired. */
  String LATE_EVENTS_METRIC = "lateEvents";

  /**
   * Adds the operators computing {@code window} to the job graph.
   *
   * @param uidPrefix a stable prefix for the uids of the added operators
   */
  <I, K, A, R> WindowRows<R> window(
      KeyedStream<I, K> input,
      FeatureGroupDefinition<?, I, K, A, R> definition,
      WindowSpec window,
      String groupName,
      String uidPrefix);

  /**
   * Adds the operators computing all {@code windows} of one feature group and returns the rows of
   * each window. The default computes each window on its own with {@link #window}; engines
   * that share work across windows override it.
   *
   * @param groupNames the feature group name of each window, in the order of {@code windows}
   * @param uidPrefix a stable prefix for the uids of the added operators; each window's are
   *     {@code uidPrefix + "/" + groupName}
   */
  default <I, K, A, R> Map<WindowSpec, WindowRows<R>> windows(
      KeyedStream<I, K> input,
      FeatureGroupDefinition<?, I, K, A, R> definition,
      List<WindowSpec> windows,
      List<String> groupNames,
      String uidPrefix) {
    Map<WindowSpec, WindowRows<R>> streams = new LinkedHashMap<>();
    for (int i = 0; i < windows.size(); i++) {
      streams.put(
          windows.get(i),
          window(input, definition, windows.get(i), groupNames.get(i), uidPrefix + "/" + groupNames.get(i)));
    }
    return streams;
  }

  /**
   * Whether {@link #windows} computes all windows in one operator, so asking for one window's rows
   * should build all of them at once.
   */
  default boolean sharesWindows() {
    return false;
  }
}
