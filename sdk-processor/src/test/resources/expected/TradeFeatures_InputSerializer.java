package test;

import io.featuresdk.runtime.spi.GeneratedSerializer;
import java.io.IOException;
import javax.annotation.processing.Generated;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializes {@link TradeFeatures_Input} field by field, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class TradeFeatures_InputSerializer extends GeneratedSerializer<TradeFeatures_Input> {
  private static final long serialVersionUID = 1L;

  public TradeFeatures_InputSerializer() {
  }

  @Override
  public String layoutFingerprint() {
    return "TradeFeatures_Input(venue:String,symbolId:int,qty:Integer,notional:Long,side:String,eventTimeMillis:long)";
  }

  @Override
  public TradeFeatures_Input createInstance() {
    return new TradeFeatures_Input();
  }

  @Override
  public TradeFeatures_Input copy(TradeFeatures_Input from) {
    TradeFeatures_Input copy = new TradeFeatures_Input();
    copy.venue = from.venue;
    copy.symbolId = from.symbolId;
    copy.qty = from.qty;
    copy.notional = from.notional;
    copy.side = from.side;
    copy.eventTimeMillis = from.eventTimeMillis;
    return copy;
  }

  @Override
  public void serialize(TradeFeatures_Input record, DataOutputView target) throws IOException {
    StringValue.writeString(record.venue, target);
    target.writeInt(record.symbolId);
    if (record.qty == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeInt(record.qty);
    }
    if (record.notional == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeLong(record.notional);
    }
    StringValue.writeString(record.side, target);
    target.writeLong(record.eventTimeMillis);
  }

  @Override
  public TradeFeatures_Input deserialize(DataInputView source) throws IOException {
    TradeFeatures_Input record = new TradeFeatures_Input();
    record.venue = StringValue.readString(source);
    record.symbolId = source.readInt();
    record.qty = source.readBoolean() ? source.readInt() : null;
    record.notional = source.readBoolean() ? source.readLong() : null;
    record.side = StringValue.readString(source);
    record.eventTimeMillis = source.readLong();
    return record;
  }
}
