package test;

import io.featuresdk.runtime.spi.GeneratedSerializer;
import java.io.IOException;
import javax.annotation.processing.Generated;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializes {@link TradeFeatures_Accumulator} field by field, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class TradeFeatures_AccumulatorSerializer extends GeneratedSerializer<TradeFeatures_Accumulator> {
  private static final long serialVersionUID = 1L;

  public TradeFeatures_AccumulatorSerializer() {
  }

  @Override
  public String layoutFingerprint() {
    return "TradeFeatures_Accumulator(eventCount:long,key_venue:String,key_symbolId:int,totalQty_sum:long,totalQty_count:long,notional_sum:long,notional_count:long,minQty_min:int,minQty_count:long,maxQty_max:int,maxQty_count:long,firstSide_value:String,firstSide_time:long,lastQty_value:Integer,lastQty_time:long)";
  }

  @Override
  public TradeFeatures_Accumulator createInstance() {
    return new TradeFeatures_Accumulator();
  }

  @Override
  public TradeFeatures_Accumulator copy(TradeFeatures_Accumulator from) {
    TradeFeatures_Accumulator copy = new TradeFeatures_Accumulator();
    copy.eventCount = from.eventCount;
    copy.key_venue = from.key_venue;
    copy.key_symbolId = from.key_symbolId;
    copy.totalQty_sum = from.totalQty_sum;
    copy.totalQty_count = from.totalQty_count;
    copy.notional_sum = from.notional_sum;
    copy.notional_count = from.notional_count;
    copy.minQty_min = from.minQty_min;
    copy.minQty_count = from.minQty_count;
    copy.maxQty_max = from.maxQty_max;
    copy.maxQty_count = from.maxQty_count;
    copy.firstSide_value = from.firstSide_value;
    copy.firstSide_time = from.firstSide_time;
    copy.lastQty_value = from.lastQty_value;
    copy.lastQty_time = from.lastQty_time;
    return copy;
  }

  @Override
  public void serialize(TradeFeatures_Accumulator record, DataOutputView target) throws
      IOException {
    target.writeLong(record.eventCount);
    StringValue.writeString(record.key_venue, target);
    target.writeInt(record.key_symbolId);
    target.writeLong(record.totalQty_sum);
    target.writeLong(record.totalQty_count);
    target.writeLong(record.notional_sum);
    target.writeLong(record.notional_count);
    target.writeInt(record.minQty_min);
    target.writeLong(record.minQty_count);
    target.writeInt(record.maxQty_max);
    target.writeLong(record.maxQty_count);
    StringValue.writeString(record.firstSide_value, target);
    target.writeLong(record.firstSide_time);
    if (record.lastQty_value == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeInt(record.lastQty_value);
    }
    target.writeLong(record.lastQty_time);
  }

  @Override
  public TradeFeatures_Accumulator deserialize(DataInputView source) throws IOException {
    TradeFeatures_Accumulator record = new TradeFeatures_Accumulator();
    record.eventCount = source.readLong();
    record.key_venue = StringValue.readString(source);
    record.key_symbolId = source.readInt();
    record.totalQty_sum = source.readLong();
    record.totalQty_count = source.readLong();
    record.notional_sum = source.readLong();
    record.notional_count = source.readLong();
    record.minQty_min = source.readInt();
    record.minQty_count = source.readLong();
    record.maxQty_max = source.readInt();
    record.maxQty_count = source.readLong();
    record.firstSide_value = StringValue.readString(source);
    record.firstSide_time = source.readLong();
    record.lastQty_value = source.readBoolean() ? source.readInt() : null;
    record.lastQty_time = source.readLong();
    return record;
  }
}
