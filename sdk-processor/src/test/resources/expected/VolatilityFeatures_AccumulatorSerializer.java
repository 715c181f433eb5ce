package test;

import io.featuresdk.runtime.spi.GeneratedSerializer;
import java.io.IOException;
import javax.annotation.processing.Generated;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializes {@link VolatilityFeatures_Accumulator} field by field, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class VolatilityFeatures_AccumulatorSerializer extends GeneratedSerializer<VolatilityFeatures_Accumulator> {
  private static final long serialVersionUID = 1L;

  public VolatilityFeatures_AccumulatorSerializer() {
  }

  @Override
  public String layoutFingerprint() {
    return "VolatilityFeatures_Accumulator(eventCount:long,key_ticker:String,priceStdDev_count:long,priceStdDev_mean:double,priceStdDev_m2:double,priceVariance_count:long,priceVariance_mean:double,priceVariance_m2:double,pricePopulationVariance_count:long,pricePopulationVariance_mean:double,pricePopulationVariance_m2:double,sizePopulationStdDev_count:long,sizePopulationStdDev_mean:double,sizePopulationStdDev_m2:double)";
  }

  @Override
  public VolatilityFeatures_Accumulator createInstance() {
    return new VolatilityFeatures_Accumulator();
  }

  @Override
  public VolatilityFeatures_Accumulator copy(VolatilityFeatures_Accumulator from) {
    VolatilityFeatures_Accumulator copy = new VolatilityFeatures_Accumulator();
    copy.eventCount = from.eventCount;
    copy.key_ticker = from.key_ticker;
    copy.priceStdDev_count = from.priceStdDev_count;
    copy.priceStdDev_mean = from.priceStdDev_mean;
    copy.priceStdDev_m2 = from.priceStdDev_m2;
    copy.priceVariance_count = from.priceVariance_count;
    copy.priceVariance_mean = from.priceVariance_mean;
    copy.priceVariance_m2 = from.priceVariance_m2;
    copy.pricePopulationVariance_count = from.pricePopulationVariance_count;
    copy.pricePopulationVariance_mean = from.pricePopulationVariance_mean;
    copy.pricePopulationVariance_m2 = from.pricePopulationVariance_m2;
    copy.sizePopulationStdDev_count = from.sizePopulationStdDev_count;
    copy.sizePopulationStdDev_mean = from.sizePopulationStdDev_mean;
    copy.sizePopulationStdDev_m2 = from.sizePopulationStdDev_m2;
    return copy;
  }

  @Override
  public void serialize(VolatilityFeatures_Accumulator record, DataOutputView target) throws
      IOException {
    target.writeLong(record.eventCount);
    StringValue.writeString(record.key_ticker, target);
    target.writeLong(record.priceStdDev_count);
    target.writeDouble(record.priceStdDev_mean);
    target.writeDouble(record.priceStdDev_m2);
    target.writeLong(record.priceVariance_count);
    target.writeDouble(record.priceVariance_mean);
    target.writeDouble(record.priceVariance_m2);
    target.writeLong(record.pricePopulationVariance_count);
    target.writeDouble(record.pricePopulationVariance_mean);
    target.writeDouble(record.pricePopulationVariance_m2);
    target.writeLong(record.sizePopulationStdDev_count);
    target.writeDouble(record.sizePopulationStdDev_mean);
    target.writeDouble(record.sizePopulationStdDev_m2);
  }

  @Override
  public VolatilityFeatures_Accumulator deserialize(DataInputView source) throws IOException {
    VolatilityFeatures_Accumulator record = new VolatilityFeatures_Accumulator();
    record.eventCount = source.readLong();
    record.key_ticker = StringValue.readString(source);
    record.priceStdDev_count = source.readLong();
    record.priceStdDev_mean = source.readDouble();
    record.priceStdDev_m2 = source.readDouble();
    record.priceVariance_count = source.readLong();
    record.priceVariance_mean = source.readDouble();
    record.priceVariance_m2 = source.readDouble();
    record.pricePopulationVariance_count = source.readLong();
    record.pricePopulationVariance_mean = source.readDouble();
    record.pricePopulationVariance_m2 = source.readDouble();
    record.sizePopulationStdDev_count = source.readLong();
    record.sizePopulationStdDev_mean = source.readDouble();
    record.sizePopulationStdDev_m2 = source.readDouble();
    return record;
  }
}
