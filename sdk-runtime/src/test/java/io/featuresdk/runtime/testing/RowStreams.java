package io.featuresdk.runtime.testing;

import io.featuresdk.runtime.FeatureStreams;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.window.RowKind;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Row streams for tests that check emission rather than completeness. */
public final class RowStreams {
  private RowStreams() {}

  /**
   * Every final row of a window with events of {@code window}, complete or truncated: provisional
   * rows are early copies, empty rows those of windows without events.
   */
  public static <R> DataStream<R> allKinds(FeatureStreams<R> streams, WindowSpec window) {
    DataStream<R> all = streams.rows(window, RowKind.COMPLETE);
    for (RowKind kind : RowKind.values()) {
      if (kind != RowKind.COMPLETE && kind.isFinal() && kind != RowKind.EMPTY) {
        all = all.union(streams.rows(window, kind));
      }
    }
    return all;
  }
}
