package io.featuresdk.runtime.window;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides whether the input covered a fired window entirely, which sets {@link
 * io.featuresdk.runtime.store.FeatureRecord#complete()}. Offline stores skip incomplete rows, so a
 * window truncated by where a run started or ended is never passed off as a complete one. Two
 * rules:
 *
 * <ul>
 *   <li>{@linkplain #covering declared}: the input holds every event with {@code from <= time <
 *       until}; a window {@code [start, end)} is complete exactly when {@code from <= start} and
 *       {@code end <= until}. Deterministic for any input. Backfills compose: a run covering {@code
 *       [b - largest window size, c)} after one covering {@code [a, b)} completes every window of
 *       {@code [a, c)} that the first left incomplete, and the windows complete in both runs get
 *       the same rows from the same events.
 *   <li>{@linkplain #inferred inferred} (the default): a window is incomplete when it fired
 *       because the input ended (the end-of-input watermark {@link Long#MAX_VALUE}, not a real
 *       watermark, passed its end: later events never came), or when it starts before the end of
 *       its key's first emitted window of the same size and slide (the input began inside that
 *       window, so it and every window overlapping its start may miss earlier events). Which
 *       windows fire on a real watermark depends on when watermarks are emitted: deterministic
 *       with {@code FeaturePipeline.withPerEventWatermarks()}; otherwise declare the range.
 * </ul>
 */
public final class WindowCompleteness implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final WindowCompleteness INFERRED =
      new WindowCompleteness(false, Long.MIN_VALUE, Long.MAX_VALUE);

  private final boolean declared;
  private final long fromMillis;
  private final long untilMillis;

  private WindowCompleteness(boolean declared, long fromMillis, long untilMillis) {
    this.declared = declared;
    this.fromMillis = fromMillis;
    this.untilMillis = untilMillis;
  }

  /** Completeness inferred from each key's first window and the end of the input. */
  public static WindowCompleteness inferred() {
    return INFERRED;
  }

  /**
   * The input holds every event with {@code from <= event time < until}.
   *
   * @throws IllegalArgumentException unless {@code from} is before {@code until}
   */
  public static WindowCompleteness covering(Instant from, Instant until) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    if (!from.isBefore(until)) {
      throw new IllegalArgumentException(
          "input coverage must start before it ends, got from " + from + " until " + until
              + "; pass the event time of the first event covered and the end of the range");
    }
    return new WindowCompleteness(true, from.toEpochMilli(), until.toEpochMilli());
  }

  /** Whether the rule needs {@link FirstWindowEnd}: only the inferred one does. */
  boolean needsFirstWindowEnds() {
    return !declared;
  }

  /**
   * Whether the window {@code [start, end)}, emitted at {@code watermark}, is complete.
   *
   * @param firstEnd the end of the key's first emitted window of this size and slide; called for
   *     every emitted window (it records the first), only under the inferred rule
   */
  boolean isComplete(long start, long end, long watermark, FirstWindowEnd firstEnd)
      throws Exception {
    if (declared) {
      return fromMillis <= start && end <= untilMillis;
    }
    long first = firstEnd.recordAndGet(end);
    return watermark != Long.MAX_VALUE && start >= first;
  }

  @Override
  public String toString() {
    return declared
        ? "input covering [" + Instant.ofEpochMilli(fromMillis) + ", " + Instant.ofEpochMilli(untilMillis) + ")"
        : "completeness inferred from each key's first window and the end of the input";
  }

  /** The end of the current key's first emitted window of one size and slide. */
  @FunctionalInterface
  interface FirstWindowEnd {
    /** Records {@code end} if the key has emitted no window of this spec yet; returns the first end. */
    long recordAndGet(long end) throws Exception;
  }
}
