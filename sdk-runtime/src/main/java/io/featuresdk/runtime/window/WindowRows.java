package io.featuresdk.runtime.window;

import java.util.EnumMap;
import java.util.function.Function;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The typed rows of one window, one stream per {@link RowKind}.
 *
 * @param <R> the feature row type
 */
public final class WindowRows<R> {
  private final EnumMap<RowKind, DataStream<R>> streams = new EnumMap<>(RowKind.class);

  /** @param streamOf the stream of each kind */
  public WindowRows(Function<RowKind, DataStream<R>> streamOf) {
    for (RowKind kind : RowKind.values()) {
      streams.put(kind, streamOf.apply(kind));
    }
  }

  /** The rows of kind {@code kind}. */
  public DataStream<R> of(RowKind kind) {
    return streams.get(kind);
  }
}
