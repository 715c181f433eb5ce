package test;

import io.featuresdk.runtime.spi.GeneratedSerializer;
import java.io.IOException;
import javax.annotation.processing.Generated;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializes {@link PriceFeatures_Input} field by field, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class PriceFeatures_InputSerializer extends GeneratedSerializer<PriceFeatures_Input> {
  private static final long serialVersionUID = 1L;

  public PriceFeatures_InputSerializer() {
  }

  @Override
  public String layoutFingerprint() {
    return "PriceFeatures_Input(productId:String,price:double,lastSize:Double,eventTimeMillis:long)";
  }

  @Override
  public PriceFeatures_Input createInstance() {
    return new PriceFeatures_Input();
  }

  @Override
  public PriceFeatures_Input copy(PriceFeatures_Input from) {
    PriceFeatures_Input copy = new PriceFeatures_Input();
    copy.productId = from.productId;
    copy.price = from.price;
    copy.lastSize = from.lastSize;
    copy.eventTimeMillis = from.eventTimeMillis;
    return copy;
  }

  @Override
  public void serialize(PriceFeatures_Input record, DataOutputView target) throws IOException {
    StringValue.writeString(record.productId, target);
    target.writeDouble(record.price);
    if (record.lastSize == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.lastSize);
    }
    target.writeLong(record.eventTimeMillis);
  }

  @Override
  public PriceFeatures_Input deserialize(DataInputView source) throws IOException {
    PriceFeatures_Input record = new PriceFeatures_Input();
    record.productId = StringValue.readString(source);
    record.price = source.readDouble();
    record.lastSize = source.readBoolean() ? source.readDouble() : null;
    record.eventTimeMillis = source.readLong();
    return record;
  }
}
