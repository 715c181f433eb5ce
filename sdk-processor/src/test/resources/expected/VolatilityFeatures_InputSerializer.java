package test;

import io.featuresdk.runtime.spi.GeneratedSerializer;
import java.io.IOException;
import javax.annotation.processing.Generated;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializes {@link VolatilityFeatures_Input} field by field, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class VolatilityFeatures_InputSerializer extends GeneratedSerializer<VolatilityFeatures_Input> {
  private static final long serialVersionUID = 1L;

  public VolatilityFeatures_InputSerializer() {
  }

  @Override
  public String layoutFingerprint() {
    return "VolatilityFeatures_Input(productId:String,price:double,lastSize:Double,eventTimeMillis:long)";
  }

  @Override
  public VolatilityFeatures_Input createInstance() {
    return new VolatilityFeatures_Input();
  }

  @Override
  public VolatilityFeatures_Input copy(VolatilityFeatures_Input from) {
    VolatilityFeatures_Input copy = new VolatilityFeatures_Input();
    copy.productId = from.productId;
    copy.price = from.price;
    copy.lastSize = from.lastSize;
    copy.eventTimeMillis = from.eventTimeMillis;
    return copy;
  }

  @Override
  public void serialize(VolatilityFeatures_Input record, DataOutputView target) throws IOException {
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
  public VolatilityFeatures_Input deserialize(DataInputView source) throws IOException {
    VolatilityFeatures_Input record = new VolatilityFeatures_Input();
    record.productId = StringValue.readString(source);
    record.price = source.readDouble();
    record.lastSize = source.readBoolean() ? source.readDouble() : null;
    record.eventTimeMillis = source.readLong();
    return record;
  }
}
