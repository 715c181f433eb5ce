package test;

import io.featuresdk.runtime.spi.GeneratedSerializer;
import java.io.IOException;
import javax.annotation.processing.Generated;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializes {@link NotionalFeatures_Input} field by field, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class NotionalFeatures_InputSerializer extends GeneratedSerializer<NotionalFeatures_Input> {
  private static final long serialVersionUID = 1L;

  public NotionalFeatures_InputSerializer() {
  }

  @Override
  public String layoutFingerprint() {
    return "NotionalFeatures_Input(product:String,large:boolean,flagged:Boolean,notional:Double,buy:boolean,size:Double,price:double,eventTimeMillis:long)";
  }

  @Override
  public NotionalFeatures_Input createInstance() {
    return new NotionalFeatures_Input();
  }

  @Override
  public NotionalFeatures_Input copy(NotionalFeatures_Input from) {
    NotionalFeatures_Input copy = new NotionalFeatures_Input();
    copy.product = from.product;
    copy.large = from.large;
    copy.flagged = from.flagged;
    copy.notional = from.notional;
    copy.buy = from.buy;
    copy.size = from.size;
    copy.price = from.price;
    copy.eventTimeMillis = from.eventTimeMillis;
    return copy;
  }

  @Override
  public void serialize(NotionalFeatures_Input record, DataOutputView target) throws IOException {
    StringValue.writeString(record.product, target);
    target.writeBoolean(record.large);
    if (record.flagged == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeBoolean(record.flagged);
    }
    if (record.notional == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.notional);
    }
    target.writeBoolean(record.buy);
    if (record.size == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.size);
    }
    target.writeDouble(record.price);
    target.writeLong(record.eventTimeMillis);
  }

  @Override
  public NotionalFeatures_Input deserialize(DataInputView source) throws IOException {
    NotionalFeatures_Input record = new NotionalFeatures_Input();
    record.product = StringValue.readString(source);
    record.large = source.readBoolean();
    record.flagged = source.readBoolean() ? source.readBoolean() : null;
    record.notional = source.readBoolean() ? source.readDouble() : null;
    record.buy = source.readBoolean();
    record.size = source.readBoolean() ? source.readDouble() : null;
    record.price = source.readDouble();
    record.eventTimeMillis = source.readLong();
    return record;
  }
}
