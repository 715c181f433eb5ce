package io.featuresdk.runtime.window;

import java.util.EnumMap;
import java.util.function.Function;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The typed rows of one window, one stream per {@link RowKind}.
 *
 * @param <R> the feature row type
 */
public final class WindowRows<R> {
  private final EnumMap<RowKind, DataStream<R>> streams = new EnumMap<>(RowKind.class);
  private final DataStream<Tuple2<R, Long>> provisionalWithArrival;
  private final TypeInformation<R> rowType;

  /**
   * @param finalStreamOf the stream of each final kind
   * @param provisionalWithArrival the provisional rows, each with its arrival time
   */
  public WindowRows(
      Function<RowKind, DataStream<R>> finalStreamOf,
      DataStream<Tuple2<R, Long>> provisionalWithArrival,
      TypeInformation<R> rowType) {
    for (RowKind kind : RowKind.values()) {
      if (kind.isFinal()) {
        streams.put(kind, finalStreamOf.apply(kind));
      }
    }
    this.provisionalWithArrival = provisionalWithArrival;
    this.rowType = rowType;
  }

  /** The rows of kind {@code kind}. */
  public DataStream<R> of(RowKind kind) {
    // the provisional rows without their arrival times are derived only when asked for, so a job
    // that does not read them has no extra operator
    return streams.computeIfAbsent(
        kind, provisional -> provisionalWithArrival.map(timed -> timed.f0, rowType));
  }

  /**
   * The {@link RowKind#PROVISIONAL} rows, each with the wall-clock time, in epoch milliseconds, at
   * which the oldest event it is the first to show arrived at the window operator.
   */
  public DataStream<Tuple2<R, Long>> provisionalWithArrival() {
    return provisionalWithArrival;
  }
}
