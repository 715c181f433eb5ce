package io.featuresdk.runtime.window;

import io.featuresdk.runtime.spi.FeatureAggregation;
import java.util.Arrays;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Emits one {@link RowKind#EMPTY} row when a key's window becomes empty: the window ending at
 * {@code end} fired without an event of the key while the key's window ending one slide earlier
 * (same size and slide) had some. Without it a key that went quiet keeps its last row in an
 * online store forever. The row ({@link FeatureAggregation#emptyRow}) has the key, the window
 * bounds, {@code @Count} features 0 and every other feature null once encoded.
 *
 * <p>Only a real watermark makes a window empty: windows fired by the end-of-input watermark
 * ({@link Long#MAX_VALUE}, a bounded input ended) lie after everything the input covered, so they
 * emit no empty row (their non-empty rows are truncated for the same reason).
 *
 * <p>State per key, only while an empty row may still be due (from a fire with events until the
 * next window of each size and slide has fired): any one row of the key, for its key fields, and
 * one long per window spec (the end of its latest window with events). A key that went quiet and
 * emitted its empty rows keeps none of it. The check needs a timer one slide after each window
 * with events; it is registered when that window fires, and Flink keeps one timer per key and
 * time, so a key has at most one such timer pending per window spec, none beyond the operator's
 * own when all specs share one slide. Timers and state are checkpointed, so a
 * restored operator emits each empty row exactly once: a timer that fired before the checkpoint
 * is not restored, one that had not fired is.
 */
final class EmptyWindowRows<R> {
  private final SliceLayout layout;
  private final FeatureAggregation<?, ?, R> aggregation;
  private final WindowOutputs<R> outputs;
  /** Any row of the current key, for its key fields; absent when no empty row is due. */
  private final ValueState<R> keyRow;
  /** Per spec the end of the key's latest window with events, or MIN_VALUE; absent when all are. */
  private final ValueState<long[]> lastEndsWithEvents;
  private final InternalTimerService<VoidNamespace> timers;
  private final Output<StreamRecord<R>> output;

  EmptyWindowRows(
      SliceLayout layout,
      FeatureAggregation<?, ?, R> aggregation,
      WindowOutputs<R> outputs,
      ValueState<R> keyRow,
      ValueState<long[]> lastEndsWithEvents,
      InternalTimerService<VoidNamespace> timers,
      Output<StreamRecord<R>> output) {
    this.layout = layout;
    this.aggregation = aggregation;
    this.outputs = outputs;
    this.keyRow = keyRow;
    this.lastEndsWithEvents = lastEndsWithEvents;
    this.timers = timers;
    this.output = output;
  }

  /** The current key's window of {@code spec} ending at {@code end} fired with events as {@code row}. */
  void firedWithEvents(int spec, long end, R row) throws Exception {
    long[] ends = lastEndsWithEvents.value();
    if (ends == null) {
      ends = new long[layout.sizes.length];
      Arrays.fill(ends, Long.MIN_VALUE);
      keyRow.update(row);
    }
    ends[spec] = end;
    lastEndsWithEvents.update(ends);
    // the next window of this spec must fire, even when no slice of the key asks for it
    timers.registerEventTimeTimer(VoidNamespace.INSTANCE, end + layout.slides[spec] - 1);
  }

  /** A timer of this class fired at {@code watermark} for a key without slices: all its windows are empty. */
  void firedWithoutSlices(long end, long watermark) throws Exception {
    for (int i = 0; i < layout.sizes.length; i++) {
      if (Math.floorMod(end, layout.slides[i]) == 0) {
        firedWithoutEvents(i, end, watermark);
      }
    }
  }

  /**
   * The current key's window of {@code spec} ending at {@code end} fired at {@code watermark}
   * without events: emits its empty row if the previous window had events.
   */
  void firedWithoutEvents(int spec, long end, long watermark) throws Exception {
    long[] ends = lastEndsWithEvents.value();
    if (ends == null || ends[spec] == Long.MIN_VALUE) {
      return;
    }
    if (ends[spec] == end - layout.slides[spec] && watermark != Long.MAX_VALUE) {
      long start = end - layout.sizes[spec];
      output.collect(
          outputs.tag(spec, RowKind.EMPTY),
          new StreamRecord<>(aggregation.emptyRow(keyRow.value(), start, end), end - 1));
    }
    ends[spec] = Long.MIN_VALUE;
    if (Arrays.stream(ends).allMatch(e -> e == Long.MIN_VALUE)) {
      lastEndsWithEvents.clear();
      keyRow.clear();
    } else {
      lastEndsWithEvents.update(ends);
    }
  }
}
