package io.featuresdk.runtime.window;

/**
 * Which rows of a window a stream carries. The window engines emit each kind on a stream of its
 * own ({@link WindowRows}), so sinks that want only one kind never see the others, and the records
 * for the stores carry the kind as {@link io.featuresdk.runtime.store.FeatureRecord#complete()}.
 */
public enum RowKind {
  /** Rows of windows the input covered entirely (see {@link WindowCompleteness}). */
  COMPLETE(true),
  /**
   * Rows of windows cut by where the input started or ended: some of their events may be missing,
   * so offline stores skip them.
   */
  TRUNCATED(false),
  /**
   * Early rows of a window that has not fired yet, refreshed while events arrive (see {@link
   * ProvisionalEmitter}): online stores only, offline stores skip them. Their stream timestamp is
   * their as-of time, the newest event time they include, not {@code end - 1}.
   */
  PROVISIONAL(false),
  /**
   * The row of a window in which the key had no event while its previous window (same size and
   * slide) had some, emitted once when the watermark passes its end, so an online store stops
   * serving the key's last row (see {@link EmptyWindowRows}): the key and the window bounds, counts
   * 0, every other feature null in its encoded form ({@link
   * io.featuresdk.runtime.spi.FeatureAggregation#emptyRow}). Not complete: offline stores skip them.
   */
  EMPTY(false);

  private final boolean complete;

  RowKind(boolean complete) {
    this.complete = complete;
  }

  /** Whether rows of this kind are written to offline stores as complete. */
  public boolean complete() {
    return complete;
  }

  /** Whether rows of this kind are final: emitted once per window, when the watermark passes its end. */
  public boolean isFinal() {
    return this != PROVISIONAL;
  }

  /** The kind of a row whose window is, or is not, complete. */
  static RowKind of(boolean complete) {
    return complete ? COMPLETE : TRUNCATED;
  }
}
