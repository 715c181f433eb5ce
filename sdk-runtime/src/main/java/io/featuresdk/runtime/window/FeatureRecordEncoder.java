package io.featuresdk.runtime.window;

import io.featuresdk.runtime.spi.FeatureRowCodec;
import io.featuresdk.runtime.store.FeatureRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Encodes the typed final rows a {@link WindowEngine} emits as {@link FeatureRecord}s for the
 * feature stores, chained right behind the window operator. A row's stream timestamp is its
 * window's {@code end - 1} (the {@link WindowEngine} contract), so the record's event time is that
 * plus one, and every record of one encoder carries the same {@link FeatureRecord#complete()}
 * flag: the engines emit each {@link RowKind} on a stream of its own. Provisional rows have their
 * own encoder ({@link ProvisionalRecordEncoder}).
 *
 * @param <R> the feature row type
 */
public final class FeatureRecordEncoder<R> extends ProcessFunction<R, FeatureRecord> {
  private static final long serialVersionUID = 1L;

  private final FeatureRowCodec<R> codec;
  private final boolean complete;

  private transient RowBytes<R> bytes;

  /** @param complete whether the rows encoded are of complete windows ({@link RowKind#complete()}) */
  public FeatureRecordEncoder(FeatureRowCodec<R> codec, boolean complete) {
    this.codec = codec;
    this.complete = complete;
  }

  @Override
  public void open(OpenContext openContext) {
    bytes = new RowBytes<>(codec);
  }

  @Override
  public void processElement(R row, Context context, Collector<FeatureRecord> out)
      throws Exception {
    Long timestamp = context.timestamp();
    if (timestamp == null) {
      throw new IllegalStateException(
          "feature row without a window timestamp; rows must come from a WindowEngine");
    }
    out.collect(new FeatureRecord(bytes.key(row), timestamp + 1, bytes.encode(row), complete));
  }
}
