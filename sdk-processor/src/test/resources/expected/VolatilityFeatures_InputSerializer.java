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
    return "VolatilityFeatures_Input(product:String,price:double,size:Double,eventTimeMillis:long)";
  }

  @Override
  public VolatilityFeatures_Input createInstance() {
    return new VolatilityFeatures_Input();
  }

  @Override
  public VolatilityFeatures_Input copy(VolatilityFeatures_Input from) {
    VolatilityFeatures_Input copy = new VolatilityFeatures_Input();
    copy.product = from.product;
    copy.price = from.price;
    copy.size = from.size;
    copy.eventTimeMillis = from.eventTimeMillis;
    return copy;
  }

  @Override
  public void serialize(VolatilityFeatures_Input record, DataOutputView target) throws IOException {
    StringValue.writeString(record.product, target);
    target.writeDouble(record.price);
    if (record.size == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.size);
    }
    target.writeLong(record.eventTimeMillis);
  }

  @Override
  public VolatilityFeatures_Input deserialize(DataInputView source) throws IOException {
    VolatilityFeatures_Input record = new VolatilityFeatures_Input();
    record.product = StringValue.readString(source);
    record.price = source.readDouble();
    record.size = source.readBoolean() ? source.readDouble() : null;
    record.eventTimeMillis = source.readLong();
    return record;
  }
}
