package test;

import io.featuresdk.runtime.spi.GeneratedSerializer;
import java.io.IOException;
import java.time.Instant;
import javax.annotation.processing.Generated;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializes {@link PriceFeatures} field by field, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class PriceFeatures_RowSerializer extends GeneratedSerializer<PriceFeatures> {
  private static final long serialVersionUID = 1L;

  public PriceFeatures_RowSerializer() {
  }

  @Override
  public String layoutFingerprint() {
    return "PriceFeatures(ticker:String,timestamp:Instant,windowStart:long,priceAvg:double,priceMin:double,priceMax:double,open:double,close:double,trades:long,volume:Double,sizeAvg:Double)";
  }

  @Override
  public PriceFeatures createInstance() {
    return new PriceFeatures();
  }

  @Override
  public PriceFeatures copy(PriceFeatures from) {
    PriceFeatures copy = new PriceFeatures();
    copy.ticker = from.ticker;
    copy.timestamp = from.timestamp;
    copy.windowStart = from.windowStart;
    copy.priceAvg = from.priceAvg;
    copy.priceMin = from.priceMin;
    copy.priceMax = from.priceMax;
    copy.open = from.open;
    copy.close = from.close;
    copy.trades = from.trades;
    copy.volume = from.volume;
    copy.setSizeAvg(from.getSizeAvg());
    return copy;
  }

  @Override
  public void serialize(PriceFeatures record, DataOutputView target) throws IOException {
    StringValue.writeString(record.ticker, target);
    if (record.timestamp == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeLong(record.timestamp.getEpochSecond());
      target.writeInt(record.timestamp.getNano());
    }
    target.writeLong(record.windowStart);
    target.writeDouble(record.priceAvg);
    target.writeDouble(record.priceMin);
    target.writeDouble(record.priceMax);
    target.writeDouble(record.open);
    target.writeDouble(record.close);
    target.writeLong(record.trades);
    if (record.volume == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.volume);
    }
    if (record.getSizeAvg() == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.getSizeAvg());
    }
  }

  @Override
  public PriceFeatures deserialize(DataInputView source) throws IOException {
    PriceFeatures record = new PriceFeatures();
    record.ticker = StringValue.readString(source);
    record.timestamp = source.readBoolean() ? Instant.ofEpochSecond(source.readLong(), source.readInt()) : null;
    record.windowStart = source.readLong();
    record.priceAvg = source.readDouble();
    record.priceMin = source.readDouble();
    record.priceMax = source.readDouble();
    record.open = source.readDouble();
    record.close = source.readDouble();
    record.trades = source.readLong();
    record.volume = source.readBoolean() ? source.readDouble() : null;
    record.setSizeAvg(source.readBoolean() ? source.readDouble() : null);
    return record;
  }
}
