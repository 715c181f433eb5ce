package test;

import io.featuresdk.runtime.spi.GeneratedSerializer;
import java.io.IOException;
import javax.annotation.processing.Generated;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializes {@link NotionalFeatures_Accumulator} field by field, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class NotionalFeatures_AccumulatorSerializer extends GeneratedSerializer<NotionalFeatures_Accumulator> {
  private static final long serialVersionUID = 1L;

  public NotionalFeatures_AccumulatorSerializer() {
  }

  @Override
  public String layoutFingerprint() {
    return "NotionalFeatures_Accumulator(eventCount:long,key_ticker:String,largeTrades_matched:long,flaggedTrades_matched:long,notional_sum:double,notional_count:long,buyNotional_sum:double,buyNotional_count:long,buyNotional_matched:long,largeVolume_sum:double,largeVolume_count:long,largeVolume_matched:long,largePriceAvg_sum:double,largePriceAvg_count:long,largePriceAvg_matched:long,buyPriceMin_min:double,buyPriceMin_matched:long,lastBuyPrice_value:double,lastBuyPrice_time:long,lastBuyPrice_matched:long,buyPriceStdDev_count:long,buyPriceStdDev_mean:double,buyPriceStdDev_m2:double,buyPriceStdDev_matched:long,volume_sum:double,volume_count:long)";
  }

  @Override
  public NotionalFeatures_Accumulator createInstance() {
    return new NotionalFeatures_Accumulator();
  }

  @Override
  public NotionalFeatures_Accumulator copy(NotionalFeatures_Accumulator from) {
    NotionalFeatures_Accumulator copy = new NotionalFeatures_Accumulator();
    copy.eventCount = from.eventCount;
    copy.key_ticker = from.key_ticker;
    copy.largeTrades_matched = from.largeTrades_matched;
    copy.flaggedTrades_matched = from.flaggedTrades_matched;
    copy.notional_sum = from.notional_sum;
    copy.notional_count = from.notional_count;
    copy.buyNotional_sum = from.buyNotional_sum;
    copy.buyNotional_count = from.buyNotional_count;
    copy.buyNotional_matched = from.buyNotional_matched;
    copy.largeVolume_sum = from.largeVolume_sum;
    copy.largeVolume_count = from.largeVolume_count;
    copy.largeVolume_matched = from.largeVolume_matched;
    copy.largePriceAvg_sum = from.largePriceAvg_sum;
    copy.largePriceAvg_count = from.largePriceAvg_count;
    copy.largePriceAvg_matched = from.largePriceAvg_matched;
    copy.buyPriceMin_min = from.buyPriceMin_min;
    copy.buyPriceMin_matched = from.buyPriceMin_matched;
    copy.lastBuyPrice_value = from.lastBuyPrice_value;
    copy.lastBuyPrice_time = from.lastBuyPrice_time;
    copy.lastBuyPrice_matched = from.lastBuyPrice_matched;
    copy.buyPriceStdDev_count = from.buyPriceStdDev_count;
    copy.buyPriceStdDev_mean = from.buyPriceStdDev_mean;
    copy.buyPriceStdDev_m2 = from.buyPriceStdDev_m2;
    copy.buyPriceStdDev_matched = from.buyPriceStdDev_matched;
    copy.volume_sum = from.volume_sum;
    copy.volume_count = from.volume_count;
    return copy;
  }

  @Override
  public void serialize(NotionalFeatures_Accumulator record, DataOutputView target) throws
      IOException {
    target.writeLong(record.eventCount);
    StringValue.writeString(record.key_ticker, target);
    target.writeLong(record.largeTrades_matched);
    target.writeLong(record.flaggedTrades_matched);
    target.writeDouble(record.notional_sum);
    target.writeLong(record.notional_count);
    target.writeDouble(record.buyNotional_sum);
    target.writeLong(record.buyNotional_count);
    target.writeLong(record.buyNotional_matched);
    target.writeDouble(record.largeVolume_sum);
    target.writeLong(record.largeVolume_count);
    target.writeLong(record.largeVolume_matched);
    target.writeDouble(record.largePriceAvg_sum);
    target.writeLong(record.largePriceAvg_count);
    target.writeLong(record.largePriceAvg_matched);
    target.writeDouble(record.buyPriceMin_min);
    target.writeLong(record.buyPriceMin_matched);
    target.writeDouble(record.lastBuyPrice_value);
    target.writeLong(record.lastBuyPrice_time);
    target.writeLong(record.lastBuyPrice_matched);
    target.writeLong(record.buyPriceStdDev_count);
    target.writeDouble(record.buyPriceStdDev_mean);
    target.writeDouble(record.buyPriceStdDev_m2);
    target.writeLong(record.buyPriceStdDev_matched);
    target.writeDouble(record.volume_sum);
    target.writeLong(record.volume_count);
  }

  @Override
  public NotionalFeatures_Accumulator deserialize(DataInputView source) throws IOException {
    NotionalFeatures_Accumulator record = new NotionalFeatures_Accumulator();
    record.eventCount = source.readLong();
    record.key_ticker = StringValue.readString(source);
    record.largeTrades_matched = source.readLong();
    record.flaggedTrades_matched = source.readLong();
    record.notional_sum = source.readDouble();
    record.notional_count = source.readLong();
    record.buyNotional_sum = source.readDouble();
    record.buyNotional_count = source.readLong();
    record.buyNotional_matched = source.readLong();
    record.largeVolume_sum = source.readDouble();
    record.largeVolume_count = source.readLong();
    record.largeVolume_matched = source.readLong();
    record.largePriceAvg_sum = source.readDouble();
    record.largePriceAvg_count = source.readLong();
    record.largePriceAvg_matched = source.readLong();
    record.buyPriceMin_min = source.readDouble();
    record.buyPriceMin_matched = source.readLong();
    record.lastBuyPrice_value = source.readDouble();
    record.lastBuyPrice_time = source.readLong();
    record.lastBuyPrice_matched = source.readLong();
    record.buyPriceStdDev_count = source.readLong();
    record.buyPriceStdDev_mean = source.readDouble();
    record.buyPriceStdDev_m2 = source.readDouble();
    record.buyPriceStdDev_matched = source.readLong();
    record.volume_sum = source.readDouble();
    record.volume_count = source.readLong();
    return record;
  }
}
