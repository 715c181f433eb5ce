package test;

import io.featuresdk.runtime.spi.GeneratedSerializer;
import java.io.IOException;
import javax.annotation.processing.Generated;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializes {@link PriceFeatures_Accumulator} field by field, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class PriceFeatures_AccumulatorSerializer extends GeneratedSerializer<PriceFeatures_Accumulator> {
  private static final long serialVersionUID = 1L;

  public PriceFeatures_AccumulatorSerializer() {
  }

  @Override
  public String layoutFingerprint() {
    return "PriceFeatures_Accumulator(eventCount:long,key_ticker:String,priceAvg_sum:double,priceAvg_count:long,priceMin_min:double,priceMax_max:double,open_value:double,open_time:long,close_value:double,close_time:long,volume_sum:double,volume_count:long,sizeAvg_sum:double,sizeAvg_count:long)";
  }

  @Override
  public PriceFeatures_Accumulator createInstance() {
    return new PriceFeatures_Accumulator();
  }

  @Override
  public PriceFeatures_Accumulator copy(PriceFeatures_Accumulator from) {
    PriceFeatures_Accumulator copy = new PriceFeatures_Accumulator();
    copy.eventCount = from.eventCount;
    copy.key_ticker = from.key_ticker;
    copy.priceAvg_sum = from.priceAvg_sum;
    copy.priceAvg_count = from.priceAvg_count;
    copy.priceMin_min = from.priceMin_min;
    copy.priceMax_max = from.priceMax_max;
    copy.open_value = from.open_value;
    copy.open_time = from.open_time;
    copy.close_value = from.close_value;
    copy.close_time = from.close_time;
    copy.volume_sum = from.volume_sum;
    copy.volume_count = from.volume_count;
    copy.sizeAvg_sum = from.sizeAvg_sum;
    copy.sizeAvg_count = from.sizeAvg_count;
    return copy;
  }

  @Override
  public void serialize(PriceFeatures_Accumulator record, DataOutputView target) throws
      IOException {
    target.writeLong(record.eventCount);
    StringValue.writeString(record.key_ticker, target);
    target.writeDouble(record.priceAvg_sum);
    target.writeLong(record.priceAvg_count);
    target.writeDouble(record.priceMin_min);
    target.writeDouble(record.priceMax_max);
    target.writeDouble(record.open_value);
    target.writeLong(record.open_time);
    target.writeDouble(record.close_value);
    target.writeLong(record.close_time);
    target.writeDouble(record.volume_sum);
    target.writeLong(record.volume_count);
    target.writeDouble(record.sizeAvg_sum);
    target.writeLong(record.sizeAvg_count);
  }

  @Override
  public PriceFeatures_Accumulator deserialize(DataInputView source) throws IOException {
    PriceFeatures_Accumulator record = new PriceFeatures_Accumulator();
    record.eventCount = source.readLong();
    record.key_ticker = StringValue.readString(source);
    record.priceAvg_sum = source.readDouble();
    record.priceAvg_count = source.readLong();
    record.priceMin_min = source.readDouble();
    record.priceMax_max = source.readDouble();
    record.open_value = source.readDouble();
    record.open_time = source.readLong();
    record.close_value = source.readDouble();
    record.close_time = source.readLong();
    record.volume_sum = source.readDouble();
    record.volume_count = source.readLong();
    record.sizeAvg_sum = source.readDouble();
    record.sizeAvg_count = source.readLong();
    return record;
  }
}
