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
  /** Whether the rows are {@link RowKind#EMPTY}: encoded with {@code encodeEmpty}. */
  private final boolean emptyRows;

  private transient RowBytes<R> bytes;

  /** @param complete whether the rows encoded are of complete windows ({@link RowKind#complete()}) */
  public FeatureRecordEncoder(FeatureRowCodec<R> codec, boolean complete) {
    this(codec, complete, false);
  }

  private FeatureRecordEncoder(FeatureRowCodec<R> codec, boolean complete, boolean emptyRows) {
    this.codec = codec;
    this.complete = complete;
    this.emptyRows = emptyRows;
  }

  /**
   * An encoder of {@link RowKind#EMPTY} rows: features without a value in an empty window are
   * written as null ({@link FeatureRowCodec#encodeEmpty}); not complete, so offline stores skip them.
   */
  public static <R> FeatureRecordEncoder<R> empty(FeatureRowCodec<R> codec) {
    return new FeatureRecordEncoder<>(codec, false, true);
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
    byte[] value = emptyRows ? bytes.encodeEmpty(row) : bytes.encode(row);
    out.collect(new FeatureRecord(bytes.key(row), timestamp + 1, value, complete));
  }
}
