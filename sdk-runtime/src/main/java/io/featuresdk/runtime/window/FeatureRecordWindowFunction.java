package io.featuresdk.runtime.window;

import io.featuresdk.runtime.spi.FeatureAggregation;
import io.featuresdk.runtime.spi.FeatureRowCodec;
import io.featuresdk.runtime.store.FeatureRecord;
import java.io.ByteArrayOutputStream;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Turns a fired window's accumulator into its feature row and encodes it as a
 * {@link FeatureRecord} whose event time is the window end, flagged complete or not by the
 * {@link WindowCompleteness} rule (the key's first window end lives in the window operator's
 * per-key global state). The encoder and buffer are created once per function instance and reused
 * for every row.
 */
final class FeatureRecordWindowFunction<K, A, R>
    extends ProcessWindowFunction<A, FeatureRecord, K, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final FeatureAggregation<?, A, R> aggregation;
  private final FeatureRowCodec<R> codec;
  private final WindowCompleteness completeness;

  private transient ValueStateDescriptor<Long> firstWindowEnd;
  private transient ByteArrayOutputStream buffer;
  private transient BinaryEncoder encoder;

  FeatureRecordWindowFunction(
      FeatureAggregation<?, A, R> aggregation,
      FeatureRowCodec<R> codec,
      WindowCompleteness completeness) {
    this.aggregation = aggregation;
    this.codec = codec;
    this.completeness = completeness;
  }

  @Override
  public void open(OpenContext openContext) {
    firstWindowEnd = new ValueStateDescriptor<>("first-window-end", LongSerializer.INSTANCE);
    buffer = new ByteArrayOutputStream(256);
    encoder = EncoderFactory.get().binaryEncoder(buffer, null);
  }

  @Override
  public void process(
      K key, Context context, Iterable<A> accumulators, Collector<FeatureRecord> out)
      throws Exception {
    TimeWindow window = context.window();
    for (A accumulator : accumulators) {
      if (aggregation.isEmpty(accumulator)) {
        continue;
      }
      R row = aggregation.toRow(accumulator, window.getStart(), window.getEnd());
      buffer.reset();
      codec.encode(row, encoder);
      encoder.flush();
      boolean complete =
          completeness.isComplete(
              window.getStart(),
              window.getEnd(),
              context.currentWatermark(),
              end -> firstWindowEnd(context, end));
      out.collect(
          new FeatureRecord(codec.primaryKey(row), window.getEnd(), buffer.toByteArray(), complete));
    }
  }

  private long firstWindowEnd(Context context, long end) throws Exception {
    ValueState<Long> first = context.globalState().getState(firstWindowEnd);
    Long recorded = first.value();
    if (recorded == null) {
      first.update(end);
      return end;
    }
    return recorded;
  }
}
