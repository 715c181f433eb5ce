package test;

import io.featuresdk.runtime.spi.GeneratedSerializer;
import java.io.IOException;
import javax.annotation.processing.Generated;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializes {@link RecentFeatures_Input} field by field, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class RecentFeatures_InputSerializer extends GeneratedSerializer<RecentFeatures_Input> {
  private static final long serialVersionUID = 1L;

  public RecentFeatures_InputSerializer() {
  }

  @Override
  public String layoutFingerprint() {
    return "RecentFeatures_Input(product:String,price:double,size:Double,priceBand:String,priceMod7:long,buy:boolean,priceAsFloat:float,priceBucket:int,eventTimeMillis:long)";
  }

  @Override
  public RecentFeatures_Input createInstance() {
    return new RecentFeatures_Input();
  }

  @Override
  public RecentFeatures_Input copy(RecentFeatures_Input from) {
    RecentFeatures_Input copy = new RecentFeatures_Input();
    copy.product = from.product;
    copy.price = from.price;
    copy.size = from.size;
    copy.priceBand = from.priceBand;
    copy.priceMod7 = from.priceMod7;
    copy.buy = from.buy;
    copy.priceAsFloat = from.priceAsFloat;
    copy.priceBucket = from.priceBucket;
    copy.eventTimeMillis = from.eventTimeMillis;
    return copy;
  }

  @Override
  public void serialize(RecentFeatures_Input record, DataOutputView target) throws IOException {
    StringValue.writeString(record.product, target);
    target.writeDouble(record.price);
    if (record.size == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.size);
    }
    StringValue.writeString(record.priceBand, target);
    target.writeLong(record.priceMod7);
    target.writeBoolean(record.buy);
    target.writeFloat(record.priceAsFloat);
    target.writeInt(record.priceBucket);
    target.writeLong(record.eventTimeMillis);
  }

  @Override
  public RecentFeatures_Input deserialize(DataInputView source) throws IOException {
    RecentFeatures_Input record = new RecentFeatures_Input();
    record.product = StringValue.readString(source);
    record.price = source.readDouble();
    record.size = source.readBoolean() ? source.readDouble() : null;
    record.priceBand = StringValue.readString(source);
    record.priceMod7 = source.readLong();
    record.buy = source.readBoolean();
    record.priceAsFloat = source.readFloat();
    record.priceBucket = source.readInt();
    record.eventTimeMillis = source.readLong();
    return record;
  }
}
