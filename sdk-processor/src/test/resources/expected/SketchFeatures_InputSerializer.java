package test;

import io.featuresdk.runtime.spi.GeneratedSerializer;
import java.io.IOException;
import javax.annotation.processing.Generated;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializes {@link SketchFeatures_Input} field by field, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class SketchFeatures_InputSerializer extends GeneratedSerializer<SketchFeatures_Input> {
  private static final long serialVersionUID = 1L;

  public SketchFeatures_InputSerializer() {
  }

  @Override
  public String layoutFingerprint() {
    return "SketchFeatures_Input(product:String,price:double,size:Double,buy:boolean,eventTimeMillis:long)";
  }

  @Override
  public SketchFeatures_Input createInstance() {
    return new SketchFeatures_Input();
  }

  @Override
  public SketchFeatures_Input copy(SketchFeatures_Input from) {
    SketchFeatures_Input copy = new SketchFeatures_Input();
    copy.product = from.product;
    copy.price = from.price;
    copy.size = from.size;
    copy.buy = from.buy;
    copy.eventTimeMillis = from.eventTimeMillis;
    return copy;
  }

  @Override
  public void serialize(SketchFeatures_Input record, DataOutputView target) throws IOException {
    StringValue.writeString(record.product, target);
    target.writeDouble(record.price);
    if (record.size == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.size);
    }
    target.writeBoolean(record.buy);
    target.writeLong(record.eventTimeMillis);
  }

  @Override
  public SketchFeatures_Input deserialize(DataInputView source) throws IOException {
    SketchFeatures_Input record = new SketchFeatures_Input();
    record.product = StringValue.readString(source);
    record.price = source.readDouble();
    record.size = source.readBoolean() ? source.readDouble() : null;
    record.buy = source.readBoolean();
    record.eventTimeMillis = source.readLong();
    return record;
  }
}
