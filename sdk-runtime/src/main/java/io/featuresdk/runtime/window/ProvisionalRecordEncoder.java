package io.featuresdk.runtime.window;

import io.featuresdk.runtime.spi.FeatureRowCodec;
import io.featuresdk.runtime.store.FeatureRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Encodes {@link RowKind#PROVISIONAL} rows, each with its arrival time ({@link
 * WindowRows#provisionalWithArrival()}), as {@link FeatureRecord#provisional provisional} records.
 * A provisional row is stamped with its as-of time, and its window is the one ending at the first
 * slide boundary after it ({@link ProvisionalEmitter}).
 *
 * @param <R> the feature row type
 */
public final class ProvisionalRecordEncoder<R> extends ProcessFunction<Tuple2<R, Long>, FeatureRecord> {
  private static final long serialVersionUID = 1L;

  private final FeatureRowCodec<R> codec;
  private final long slideMillis;

  private transient RowBytes<R> bytes;

  /** An encoder of the provisional rows of a window sliding by {@code slideMillis}. */
  public ProvisionalRecordEncoder(FeatureRowCodec<R> codec, long slideMillis) {
    if (slideMillis < 1) {
      throw new IllegalArgumentException("slide must be positive, got " + slideMillis);
    }
    this.codec = codec;
    this.slideMillis = slideMillis;
  }

  @Override
  public void open(OpenContext openContext) {
    bytes = new RowBytes<>(codec);
  }

  @Override
  public void processElement(
      Tuple2<R, Long> timedRow, Context context, Collector<FeatureRecord> out) throws Exception {
    Long asOf = context.timestamp();
    if (asOf == null) {
      throw new IllegalStateException(
          "provisional row without its as-of timestamp; rows must come from a WindowEngine");
    }
    R row = timedRow.f0;
    long end = ProvisionalEmitter.windowEnd(asOf, slideMillis);
    out.collect(
        FeatureRecord.provisional(bytes.key(row), end, bytes.encode(row), asOf, timedRow.f1));
  }
}
