package io.featuresdk.runtime.window;

import io.featuresdk.runtime.spi.FeatureRowCodec;
import io.featuresdk.runtime.store.FeatureRecord;
import java.io.ByteArrayOutputStream;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Encodes the typed rows a {@link WindowEngine} emits as {@link FeatureRecord}s for the feature
 * stores, chained right behind the window operator. A row's stream timestamp is its window's
 * {@code end - 1} (the {@link WindowEngine} contract), so the record's event time is that plus
 * one, and every record of one encoder carries the same {@link FeatureRecord#complete()} flag: the
 * engines emit each {@link RowKind} on a stream of its own. {@link RowKind#PROVISIONAL} rows are
 * stamped with their as-of time instead, and their window is the one ending at the first slide
 * boundary after it ({@link ProvisionalEmitter}). The encoder and buffer are created once per
 * instance and reused for every row.
 *
 * @param <R> the feature row type
 */
public final class FeatureRecordEncoder<R> extends ProcessFunction<R, FeatureRecord> {
  private static final long serialVersionUID = 1L;

  private final FeatureRowCodec<R> codec;
  private final boolean complete;
  /** The window's slide for a provisional encoder, 0 for final rows. */
  private final long provisionalSlideMillis;
  /** Whether the rows are {@link RowKind#EMPTY}: encoded with {@code encodeEmpty}. */
  private final boolean emptyRows;

  private transient ByteArrayOutputStream buffer;
  private transient BinaryEncoder encoder;

  /** @param complete whether the rows encoded are of complete windows ({@link RowKind#complete()}) */
  public FeatureRecordEncoder(FeatureRowCodec<R> codec, boolean complete) {
    this(codec, complete, 0, false);
  }

  private FeatureRecordEncoder(
      FeatureRowCodec<R> codec, boolean complete, long provisionalSlideMillis, boolean emptyRows) {
    this.codec = codec;
    this.complete = complete;
    this.provisionalSlideMillis = provisionalSlideMillis;
    this.emptyRows = emptyRows;
  }

  /**
   * An encoder of {@link RowKind#EMPTY} rows: features without a value in an empty window are
   * written as null ({@link FeatureRowCodec#encodeEmpty}); not complete, so offline stores skip them.
   */
  public static <R> FeatureRecordEncoder<R> empty(FeatureRowCodec<R> codec) {
    return new FeatureRecordEncoder<>(codec, false, 0, true);
  }

  /** An encoder of the {@link RowKind#PROVISIONAL} rows of a window sliding by {@code slideMillis}. */
  public static <R> FeatureRecordEncoder<R> provisional(FeatureRowCodec<R> codec, long slideMillis) {
    if (slideMillis < 1) {
      throw new IllegalArgumentException("slide must be positive, got " + slideMillis);
    }
    return new FeatureRecordEncoder<>(codec, false, slideMillis, false);
  }

  @Override
  public void open(OpenContext openContext) {
    buffer = new ByteArrayOutputStream(256);
    encoder = EncoderFactory.get().binaryEncoder(buffer, null);
  }

  @Override
  public void processElement(R row, Context context, Collector<FeatureRecord> out)
      throws Exception {
    Long timestamp = context.timestamp();
    if (timestamp == null) {
      throw new IllegalStateException(
          "feature row without a window timestamp; rows must come from a WindowEngine");
    }
    buffer.reset();
    if (emptyRows) {
      codec.encodeEmpty(row, encoder);
    } else {
      codec.encode(row, encoder);
    }
    encoder.flush();
    String key = codec.primaryKey(row);
    byte[] value = buffer.toByteArray();
    if (provisionalSlideMillis == 0) {
      out.collect(new FeatureRecord(key, timestamp + 1, value, complete));
    } else {
      long end = ProvisionalEmitter.windowEnd(timestamp, provisionalSlideMillis);
      out.collect(FeatureRecord.provisional(key, end, value, timestamp));
    }
  }
}
