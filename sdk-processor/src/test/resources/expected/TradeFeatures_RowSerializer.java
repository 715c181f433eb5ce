package test;

import io.featuresdk.runtime.spi.GeneratedSerializer;
import java.io.IOException;
import javax.annotation.processing.Generated;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializes {@link TradeFeatures} field by field, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class TradeFeatures_RowSerializer extends GeneratedSerializer<TradeFeatures> {
  private static final long serialVersionUID = 1L;

  public TradeFeatures_RowSerializer() {
  }

  @Override
  public String layoutFingerprint() {
    return "TradeFeatures(venue:String,symbolId:int,windowEnd:long,trades:int,totalQty:Long,notional:Double,minQty:Long,maxQty:Integer,firstSide:String,lastQty:Integer)";
  }

  @Override
  public TradeFeatures createInstance() {
    return new TradeFeatures();
  }

  @Override
  public TradeFeatures copy(TradeFeatures from) {
    TradeFeatures copy = new TradeFeatures();
    copy.venue = from.venue;
    copy.symbolId = from.symbolId;
    copy.windowEnd = from.windowEnd;
    copy.trades = from.trades;
    copy.totalQty = from.totalQty;
    copy.notional = from.notional;
    copy.minQty = from.minQty;
    copy.maxQty = from.maxQty;
    copy.firstSide = from.firstSide;
    copy.lastQty = from.lastQty;
    return copy;
  }

  @Override
  public void serialize(TradeFeatures record, DataOutputView target) throws IOException {
    StringValue.writeString(record.venue, target);
    target.writeInt(record.symbolId);
    target.writeLong(record.windowEnd);
    target.writeInt(record.trades);
    if (record.totalQty == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeLong(record.totalQty);
    }
    if (record.notional == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.notional);
    }
    if (record.minQty == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeLong(record.minQty);
    }
    if (record.maxQty == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeInt(record.maxQty);
    }
    StringValue.writeString(record.firstSide, target);
    if (record.lastQty == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeInt(record.lastQty);
    }
  }

  @Override
  public TradeFeatures deserialize(DataInputView source) throws IOException {
    TradeFeatures record = new TradeFeatures();
    record.venue = StringValue.readString(source);
    record.symbolId = source.readInt();
    record.windowEnd = source.readLong();
    record.trades = source.readInt();
    record.totalQty = source.readBoolean() ? source.readLong() : null;
    record.notional = source.readBoolean() ? source.readDouble() : null;
    record.minQty = source.readBoolean() ? source.readLong() : null;
    record.maxQty = source.readBoolean() ? source.readInt() : null;
    record.firstSide = StringValue.readString(source);
    record.lastQty = source.readBoolean() ? source.readInt() : null;
    return record;
  }
}
