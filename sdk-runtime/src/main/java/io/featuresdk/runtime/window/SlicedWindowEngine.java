package io.featuresdk.runtime.window;

import io.featuresdk.runtime.spi.FeatureGroupDefinition;
import io.featuresdk.runtime.spi.WindowSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * One {@link SlicedWindowOperator} per feature group computes all of its windows: one accumulator
 * update per event, whatever the number of windows and slides. Each window's rows leave the
 * operator on side outputs of their own, one per {@link RowKind} ({@link WindowOutputs}).
 */
public final class SlicedWindowEngine implements WindowEngine {
  private static final long serialVersionUID = 1L;

  private final WindowCompleteness completeness;
  private final boolean emptyWindowRows;
  private final long allowedLatenessMillis;

  /**
   * Rows are complete by the {@linkplain WindowCompleteness#inferred() inferred} rule; no {@link
   * RowKind#EMPTY} rows.
   */
  public SlicedWindowEngine() {
    this(WindowCompleteness.inferred());
  }

  /** No {@link RowKind#EMPTY} rows. */
  public SlicedWindowEngine(WindowCompleteness completeness) {
    this(completeness, false);
  }

  /**
   * @param emptyWindowRows whether a key's window that becomes empty emits a {@link RowKind#EMPTY}
   *     row ({@link EmptyWindowRows})
   */
  public SlicedWindowEngine(WindowCompleteness completeness, boolean emptyWindowRows) {
    this(completeness, emptyWindowRows, Duration.ZERO);
  }

  /**
   * @param allowedLateness how long after its end a fired window still accepts events and emits
   *     a corrected row ({@link LateCorrections}); zero for none
   */
  public SlicedWindowEngine(
      WindowCompleteness completeness, boolean emptyWindowRows, Duration allowedLateness) {
    this.completeness = completeness;
    this.emptyWindowRows = emptyWindowRows;
    this.allowedLatenessMillis = allowedLateness.toMillis();
  }

  /**
   * Internal tuning knob, read when the job graph is built: windows of more than this many slices
   * are answered from two stacks instead of merging every slice (default 16). Benchmarks set it to
   * measure both.
   */
  public static final String STACK_THRESHOLD_PROPERTY = "featuresdk.sliced.stackThreshold";

  /**
   * How often, in milliseconds, each key's {@link RowKind#PROVISIONAL} rows are refreshed, read
   * when the job graph is built; 0 emits none (final rows only). Default {@value
   * #DEFAULT_PROVISIONAL_REFRESH_MILLIS}: with the local online store's 200 ms flush an event is
   * visible online well within a second.
   */
  public static final String PROVISIONAL_REFRESH_PROPERTY = "featuresdk.provisional.refreshMillis";

  /**
   * Internal tuning knob, read when the job graph is built: off the heap backend, how many keys'
   * values the operator's mini-batch holds in heap before writing them back (default 10,000; 0
   * turns it off). Benchmarks set it to measure both.
   */
  public static final String MINI_BATCH_KEYS_PROPERTY = "featuresdk.sliced.miniBatchKeys";

  /** The default of {@link #PROVISIONAL_REFRESH_PROPERTY}. */
  public static final long DEFAULT_PROVISIONAL_REFRESH_MILLIS = 200;

  @Override
  public <I, K, A, R> WindowRows<R> window(
      KeyedStream<I, K> input,
      FeatureGroupDefinition<?, I, K, A, R> definition,
      WindowSpec window,
      String groupName,
      String uidPrefix) {
    return build(input, definition, List.of(window), List.of(groupName), groupName, uidPrefix)
        .get(window);
  }

  @Override
  public <I, K, A, R> Map<WindowSpec, WindowRows<R>> windows(
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

  private <I, K, A, R> Map<WindowSpec, WindowRows<R>> build(
      KeyedStream<I, K> input,
      FeatureGroupDefinition<?, I, K, A, R> definition,
      List<WindowSpec> windows,
      List<String> groupNames,
      String operatorName,
      String uid) {
    TypeInformation<R> rowType = definition.rowTypeInfo();
    WindowOutputs<R> outputs = new WindowOutputs<>(groupNames, rowType);
    SingleOutputStreamOperator<R> operator =
        input
            .transform(
                operatorName + " windows",
                rowType,
                new SlicedWindowOperator<>(
                    windows,
                    definition.aggregation(),
                    definition.accumulatorType(),
                    outputs,
                    completeness,
                    Integer.getInteger(
                        STACK_THRESHOLD_PROPERTY, SlicedWindowOperator.DEFAULT_STACK_THRESHOLD),
                    Long.getLong(PROVISIONAL_REFRESH_PROPERTY, DEFAULT_PROVISIONAL_REFRESH_MILLIS),
                    emptyWindowRows ? rowType : null,
                    allowedLatenessMillis,
                    Integer.getInteger(
                        MINI_BATCH_KEYS_PROPERTY, SlicedWindowOperator.DEFAULT_MINI_BATCH_KEYS)))
            .uid(uid + "/windows");
    Map<WindowSpec, WindowRows<R>> streams = new LinkedHashMap<>();
    for (int i = 0; i < windows.size(); i++) {
      streams.put(windows.get(i), outputs.rowsOf(operator, i));
    }
    return streams;
  }
}
