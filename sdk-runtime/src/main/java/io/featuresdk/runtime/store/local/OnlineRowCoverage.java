package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.store.FeatureRecord;

/**
 * What an online row covers, as the two values that order versions of a key's row: its window end
 * and its as-of time, the newest event time the row includes, both in epoch microseconds.
 *
 * <p>A final row includes every event before its window end, so its as-of time is the last
 * millisecond of the window ({@code window end - 1 ms}; event times have millisecond resolution).
 * A provisional row includes only the events that have arrived so far and carries the newest of
 * their times ({@link FeatureRecord#asOfMillis()}). A provisional row can never replace the final
 * row of the same window, whose as-of time is the largest the window can have; on a tie the row
 * written later wins, and the engine emits a window's final row after its provisional ones.
 */
final class OnlineRowCoverage {
  private OnlineRowCoverage() {}

  static long windowEndMicros(FeatureRecord record) {
    return Math.multiplyExact(record.eventTimeMillis(), 1000L);
  }

  static long asOfMicros(FeatureRecord record) {
    return Math.multiplyExact(record.asOfMillis(), 1000L);
  }
}
