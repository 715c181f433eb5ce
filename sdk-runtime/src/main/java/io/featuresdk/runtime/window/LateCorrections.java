package io.featuresdk.runtime.window;

import java.io.Serializable;

/**
 * Allowed lateness for the sliced operator: an event is accepted while some window containing it
 * ended less than {@code lateness} before the watermark ({@code end - 1 + lateness > watermark}),
 * and every fired window it updates within that bound is emitted again at once, with all its
 * events (a corrected row; stores upsert it by key and window end). Events beyond the bound are
 * late: dropped and counted, as without lateness. Slices are kept until the last window containing
 * them is {@code lateness} past its end, so a key holds at most {@code (maxSize + lateness +
 * out-of-orderness) / slice} slices.
 *
 * <p>"Fired" is judged against the operator's fired horizon ({@link FiredHorizon}), so a restored
 * operator accepts, corrects and drops exactly what the uninterrupted one did, and the corrected
 * rows it emits have all the window's events: the slices within lateness are in the checkpoint.
 */
final class LateCorrections implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Called for each fired window a late event changed. */
  @FunctionalInterface
  interface CorrectedWindow {
    void emit(int spec, long start, long end) throws Exception;
  }

  private final SliceLayout layout;
  private final long lateness;

  /** @param latenessMillis how long after its end a window still accepts events; 0 for none */
  LateCorrections(SliceLayout layout, long latenessMillis) {
    if (latenessMillis < 0) {
      throw new IllegalArgumentException(
          "allowed lateness must be 0 (none) or positive, got " + latenessMillis + " ms");
    }
    this.layout = layout;
    this.lateness = latenessMillis;
  }

  /**
   * Whether an event whose windows end at most at {@code lastWindowEnd} is late when windows have
   * fired up to {@code firedUpTo}.
   */
  boolean isLate(long lastWindowEnd, long firedUpTo) {
    return lastWindowEnd - 1 + lateness <= firedUpTo;
  }

  /**
   * Whether the slice ending at {@code sliceEnd} can be cleared once windows have fired up to
   * {@code end}: its last window is {@code lateness} past its end.
   */
  boolean expired(long sliceEnd, long end) {
    return layout.lastWindowEnd(sliceEnd) + lateness <= end;
  }

  /**
   * When a slice created behind the watermark, all of whose windows have fired, is cleared: the
   * end of its last window plus the lateness. Only with lateness can such a slice exist.
   */
  long expiry(long sliceEnd) {
    return layout.lastWindowEnd(sliceEnd) + lateness;
  }

  /**
   * Calls {@code corrected} for each window containing the slice ending at {@code sliceEnd} that
   * has fired at {@code firedUpTo} and is still within the lateness, in order of spec and end.
   */
  void forEachFiredWindow(long sliceEnd, long firedUpTo, CorrectedWindow corrected) throws Exception {
    if (lateness == 0 || sliceEnd - 1 > firedUpTo) {
      return;
    }
    long sliceStart = sliceEnd - layout.slice;
    for (int i = 0; i < layout.sizes.length; i++) {
      long slide = layout.slides[i];
      // windows [end - size, end) containing the slice: sliceEnd <= end <= sliceStart + size
      long first = -Math.floorDiv(-sliceEnd, slide) * slide;
      for (long end = first; end <= sliceStart + layout.sizes[i] && end - 1 <= firedUpTo; end += slide) {
        if (end - 1 + lateness > firedUpTo) {
          corrected.emit(i, end - layout.sizes[i], end);
        }
      }
    }
  }
}
