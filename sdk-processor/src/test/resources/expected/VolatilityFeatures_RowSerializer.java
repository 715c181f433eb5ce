package test;

import io.featuresdk.runtime.spi.GeneratedSerializer;
import java.io.IOException;
import java.time.Instant;
import javax.annotation.processing.Generated;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializes {@link VolatilityFeatures} field by field, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class VolatilityFeatures_RowSerializer extends GeneratedSerializer<VolatilityFeatures> {
  private static final long serialVersionUID = 1L;

  public VolatilityFeatures_RowSerializer() {
  }

  @Override
  public String layoutFingerprint() {
    return "VolatilityFeatures(ticker:String,timestamp:Instant,trades:long,priceStdDev:Double,priceVariance:Double,pricePopulationVariance:double,sizePopulationStdDev:Double)";
  }

  @Override
  public VolatilityFeatures createInstance() {
    return new VolatilityFeatures();
  }

  @Override
  public VolatilityFeatures copy(VolatilityFeatures from) {
    VolatilityFeatures copy = new VolatilityFeatures();
    copy.ticker = from.ticker;
    copy.timestamp = from.timestamp;
    copy.trades = from.trades;
    copy.priceStdDev = from.priceStdDev;
    copy.priceVariance = from.priceVariance;
    copy.pricePopulationVariance = from.pricePopulationVariance;
    copy.sizePopulationStdDev = from.sizePopulationStdDev;
    return copy;
  }

  @Override
  public void serialize(VolatilityFeatures record, DataOutputView target) throws IOException {
    StringValue.writeString(record.ticker, target);
    if (record.timestamp == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeLong(record.timestamp.getEpochSecond());
      target.writeInt(record.timestamp.getNano());
    }
    target.writeLong(record.trades);
    if (record.priceStdDev == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.priceStdDev);
    }
    if (record.priceVariance == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.priceVariance);
    }
    target.writeDouble(record.pricePopulationVariance);
    if (record.sizePopulationStdDev == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.sizePopulationStdDev);
    }
  }

  @Override
  public VolatilityFeatures deserialize(DataInputView source) throws IOException {
    VolatilityFeatures record = new VolatilityFeatures();
    record.ticker = StringValue.readString(source);
    record.timestamp = source.readBoolean() ? Instant.ofEpochSecond(source.readLong(), source.readInt()) : null;
    record.trades = source.readLong();
    record.priceStdDev = source.readBoolean() ? source.readDouble() : null;
    record.priceVariance = source.readBoolean() ? source.readDouble() : null;
    record.pricePopulationVariance = source.readDouble();
    record.sizePopulationStdDev = source.readBoolean() ? source.readDouble() : null;
    return record;
  }
}
