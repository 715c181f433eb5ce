package io.featuresdk.runtime.window;

import io.featuresdk.runtime.spi.FeatureAggregation;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.runtime.state.VoidNamespace;

/**
 * Emits the {@link RowKind#PROVISIONAL} rows of a {@link SlicedWindowOperator}: early versions of
 * each key's newest window, so online stores see an event long before the watermark passes its
 * window's end.
 *
 * <p><b>What a provisional row covers.</b> For a key whose newest accepted event time is {@code
 * N}, and each window spec (size, slide), the provisional row is the window {@code [E - size, E)}
 * with {@code E = floor(N / slide) * slide + slide}, the first slide boundary after {@code N},
 * aggregated over the key's events with times in that window that the operator accepted so far
 * (late events, which the operator drops, are never included). Its window end is {@code E} and its
 * as-of time is {@code N}; it is stamped with {@code N} on its stream. It is emitted only while
 * that window has not fired ({@code E - 1 > watermark}); once it fires, the final row of the same
 * window, whose as-of time {@code E - 1} is at least {@code N}, replaces it.
 *
 * <p><b>Where online and offline can differ.</b> The final row of the same window also includes
 * events that arrived after the provisional row was emitted: events with times in {@code (N, E)},
 * and events older than {@code N} that arrived out of order within the bound. An event accepted
 * behind the watermark whose window ending at the next boundary has already fired shows online
 * only when the next window containing it fires, as today.
 *
 * <p><b>Throttling.</b> An accepted event of a key with no refresh pending registers a
 * processing-time timer of its key at the next multiple of the refresh interval; later events
 * ride on that timer. So a key emits at most one row per spec per interval however hot it is, a
 * key with no new events emits nothing, and an event reaches the row at most one interval after
 * it arrived.
 *
 * <p><b>Arrival time.</b> Each row travels with the wall-clock time at which the oldest event it
 * is the first to show arrived here: the processing time of the key's first accepted event since
 * its previous refresh (the event that registered the refresh timer). An online store that
 * measures from it to visibility bounds the lag of every event the row newly shows. This operator
 * is where an event first meets Flink's clock after the source; what lies between is the source's
 * own hand-off and the keyed exchange, whose network buffers flush at the job's buffer timeout.
 */
final class ProvisionalEmitter<A, R> {
  /** The operator's view of a key's windows, so this class never touches slice storage. */
  interface OpenWindows<A> {
    /**
     * The merge of the current key's slices of the window {@code [start, end)}, oldest first, or
     * {@code null} if that window has fired or holds nothing.
     */
    A unfiredWindow(long start, long end) throws Exception;
  }

  private final SliceLayout layout;
  private final FeatureAggregation<?, A, R> aggregation;
  private final WindowOutputs<R> outputs;
  private final long refreshMillis;
  /**
   * Per key {newest accepted event time, tick of its pending refresh timer or {@link #NO_REFRESH},
   * arrival time of the first event accepted for that tick}.
   */
  private final ValueState<long[]> coverage;
  private final boolean mutateInPlace;
  private final InternalTimerService<VoidNamespace> timers;
  private final OpenWindows<A> windows;
  private final Output<StreamRecord<R>> output;
  /** The tick of a key whose refresh timer has fired and that accepted nothing since. */
  private static final long NO_REFRESH = Long.MIN_VALUE;
  /**
   * The tick of the latest refresh timer fired here, or the processing time this emitter started
   * at. A key's tick not after it is not pending either: a restored job whose previous run had
   * provisional rows off fired those timers without marking the keys.
   */
  private long lastRefresh;

  ProvisionalEmitter(
      SliceLayout layout,
      FeatureAggregation<?, A, R> aggregation,
      WindowOutputs<R> outputs,
      long refreshMillis,
      ValueState<long[]> coverage,
      boolean mutateInPlace,
      InternalTimerService<VoidNamespace> timers,
      OpenWindows<A> windows,
      Output<StreamRecord<R>> output) {
    this.layout = layout;
    this.aggregation = aggregation;
    this.outputs = outputs;
    this.refreshMillis = refreshMillis;
    this.coverage = coverage;
    this.mutateInPlace = mutateInPlace;
    this.timers = timers;
    this.windows = windows;
    this.output = output;
    this.lastRefresh = timers.currentProcessingTime();
  }

  /** The end of the window of a provisional row as of {@code asOfMillis} (see the class comment). */
  static long windowEnd(long asOfMillis, long slideMillis) {
    return Math.floorDiv(asOfMillis, slideMillis) * slideMillis + slideMillis;
  }

  /** The current key accepted an event at {@code timestamp}: refresh its rows at the next tick. */
  void accepted(long timestamp) throws Exception {
    long[] state = coverage.value();
    if (state == null) {
      state = new long[] {timestamp, NO_REFRESH, Long.MIN_VALUE};
      scheduleRefresh(state);
      coverage.update(state);
      return;
    }
    // per event one state access and no clock read: the clock is read once per key and refresh
    boolean changed = false;
    if (timestamp > state[0]) {
      state[0] = timestamp;
      changed = true;
    }
    if (state[1] == NO_REFRESH || state[1] <= lastRefresh) {
      scheduleRefresh(state);
      changed = true;
    }
    if (changed && !mutateInPlace) {
      coverage.update(state);
    }
  }

  /**
   * The key has no refresh pending: this event is the oldest the next rows newly show, so its
   * arrival is now.
   */
  private void scheduleRefresh(long[] state) {
    long now = timers.currentProcessingTime();
    long tick = Math.floorDiv(now, refreshMillis) * refreshMillis + refreshMillis;
    state[1] = tick;
    state[2] = now;
    timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, tick);
  }

  /** The current key's refresh timer at {@code tick} fired: emits its provisional row of each spec. */
  void refresh(long tick) throws Exception {
    lastRefresh = Math.max(lastRefresh, tick);
    long[] state = coverage.value();
    if (state == null) {
      return;
    }
    state[1] = NO_REFRESH;
    if (!mutateInPlace) {
      coverage.update(state);
    }
    long newest = state[0];
    Long arrival = state[2];
    for (int spec = 0; spec < layout.sizes.length; spec++) {
      long end = windowEnd(newest, layout.slides[spec]);
      long start = end - layout.sizes[spec];
      A merged = windows.unfiredWindow(start, end);
      if (merged != null && !aggregation.isEmpty(merged)) {
        output.collect(
            outputs.provisionalTag(spec),
            new StreamRecord<>(Tuple2.of(aggregation.toRow(merged, start, end), arrival), newest));
      }
    }
  }

  /** The current key has no slice left: nothing of it can be provisional any more. */
  void forget() {
    coverage.clear();
  }
}
