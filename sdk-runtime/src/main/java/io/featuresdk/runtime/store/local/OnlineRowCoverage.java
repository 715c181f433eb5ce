package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.store.FeatureRecord;

/**
 * What an online row covers, as the two values that order versions of a key's row: its window end
 * and its as-of time, the newest event time the row includes, both in epoch microseconds.
 *
 * <p>Every row the window engine emits today is final: it includes every event before its window
 * end, so its as-of time is the last millisecond of the window ({@code window end - 1 ms}; event
 * times have millisecond resolution). Provisional rows, which include only the events that have
 * arrived so far, carry their own as-of time; {@link #asOfMicros} is the one place that reads it
 * once {@link FeatureRecord} carries it. A provisional row can then never replace the final row of
 * the same window, whose as-of time is the largest the window can have.
 */
final class OnlineRowCoverage {
  private OnlineRowCoverage() {}

  static long windowEndMicros(FeatureRecord record) {
    return Math.multiplyExact(record.eventTimeMillis(), 1000L);
  }

  static long asOfMicros(FeatureRecord record) {
    return Math.multiplyExact(record.eventTimeMillis() - 1, 1000L);
  }
}
