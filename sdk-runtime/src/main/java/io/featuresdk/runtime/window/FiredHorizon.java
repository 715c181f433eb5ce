package io.featuresdk.runtime.window;

import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ValueState;

/**
 * How far windows have fired, kept across restores. A restored operator's watermark starts again
 * from {@link Long#MIN_VALUE} and the slices of fired windows are gone, so without this it would
 * accept events for windows it already emitted and emit them again.
 *
 * <p>Two levels, both checkpointed:
 *
 * <ul>
 *   <li>per key (keyed state, one long per key that ever fired a window): the watermark at the
 *       key's latest fire. Every window of the key ending at or before it plus one has fired or
 *       was empty; this survives rescaling exactly, because keyed state moves with its key.
 *   <li>per subtask (union operator state): the watermark at the checkpoint. All timers at or
 *       below it had fired, so after a restore every key has fired at least up to the smallest of
 *       these ({@code floor}) and at most up to the largest ({@code bound}). The floor also covers
 *       windows a key never fired because they were empty, so an event the uninterrupted run
 *       would have dropped is dropped after a restore too.
 * </ul>
 *
 * <p>Windows are judged by {@link #firedUpTo}: the current watermark, raised to the floor and the
 * key's horizon. The per-event cost outside a restore is two comparisons: the key's state is read
 * only while the current watermark is still below {@code bound} (catching up after a restore) and
 * the event's slice could belong to a window below it.
 */
final class FiredHorizon {
  private final ValueState<Long> perKey;
  private final ListState<Long> checkpointed;
  private final long floor;
  private final long bound;

  /**
   * @param perKey keyed state holding each key's horizon
   * @param checkpointed union list state of the subtasks' watermarks at the last checkpoint; empty
   *     unless the operator was restored
   */
  FiredHorizon(ValueState<Long> perKey, ListState<Long> checkpointed) throws Exception {
    this.perKey = perKey;
    this.checkpointed = checkpointed;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (Long watermark : checkpointed.get()) {
      min = Math.min(min, watermark);
      max = Math.max(max, watermark);
    }
    this.floor = max == Long.MIN_VALUE ? Long.MIN_VALUE : min;
    this.bound = max;
  }

  /**
   * The time up to which the current key's windows that contain the slice ending at {@code
   * sliceEnd} have fired: a window {@code [start, end)} has fired when {@code end - 1 <=} the
   * result.
   */
  long firedUpTo(long watermark, long sliceEnd) throws Exception {
    // every window holding the slice ends at or after sliceEnd, so none can be below bound
    if (watermark >= bound || sliceEnd - 1 > bound) {
      return watermark;
    }
    long firedUpTo = Math.max(watermark, floor);
    Long key = perKey.value();
    return key == null ? firedUpTo : Math.max(firedUpTo, key);
  }

  /** Records that the current key fired its windows at {@code watermark}. */
  void fired(long watermark) throws Exception {
    perKey.update(Math.max(watermark, floor));
  }

  /** Stores this subtask's horizon for the checkpoint being taken at {@code watermark}. */
  void snapshot(long watermark) throws Exception {
    checkpointed.update(List.of(Math.max(watermark, floor)));
  }
}
