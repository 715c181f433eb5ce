package test;

import io.featuresdk.runtime.spi.GeneratedSerializer;
import java.io.IOException;
import java.time.Instant;
import javax.annotation.processing.Generated;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializes {@link NotionalFeatures} field by field, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class NotionalFeatures_RowSerializer extends GeneratedSerializer<NotionalFeatures> {
  private static final long serialVersionUID = 1L;

  public NotionalFeatures_RowSerializer() {
  }

  @Override
  public String layoutFingerprint() {
    return "NotionalFeatures(ticker:String,timestamp:Instant,trades:long,largeTrades:long,flaggedTrades:long,notional:Double,buyNotional:Double,largeVolume:Double,largePriceAvg:Double,buyPriceMin:Double,lastBuyPrice:Double,buyPriceStdDev:Double,volume:Double,vwap:Double,largeShare:double)";
  }

  @Override
  public NotionalFeatures createInstance() {
    return new NotionalFeatures();
  }

  @Override
  public NotionalFeatures copy(NotionalFeatures from) {
    NotionalFeatures copy = new NotionalFeatures();
    copy.ticker = from.ticker;
    copy.timestamp = from.timestamp;
    copy.trades = from.trades;
    copy.largeTrades = from.largeTrades;
    copy.flaggedTrades = from.flaggedTrades;
    copy.notional = from.notional;
    copy.buyNotional = from.buyNotional;
    copy.largeVolume = from.largeVolume;
    copy.largePriceAvg = from.largePriceAvg;
    copy.buyPriceMin = from.buyPriceMin;
    copy.lastBuyPrice = from.lastBuyPrice;
    copy.buyPriceStdDev = from.buyPriceStdDev;
    copy.volume = from.volume;
    copy.vwap = from.vwap;
    copy.largeShare = from.largeShare;
    return copy;
  }

  @Override
  public void serialize(NotionalFeatures record, DataOutputView target) throws IOException {
    StringValue.writeString(record.ticker, target);
    if (record.timestamp == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeLong(record.timestamp.getEpochSecond());
      target.writeInt(record.timestamp.getNano());
    }
    target.writeLong(record.trades);
    target.writeLong(record.largeTrades);
    target.writeLong(record.flaggedTrades);
    if (record.notional == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.notional);
    }
    if (record.buyNotional == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.buyNotional);
    }
    if (record.largeVolume == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.largeVolume);
    }
    if (record.largePriceAvg == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.largePriceAvg);
    }
    if (record.buyPriceMin == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.buyPriceMin);
    }
    if (record.lastBuyPrice == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.lastBuyPrice);
    }
    if (record.buyPriceStdDev == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.buyPriceStdDev);
    }
    if (record.volume == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.volume);
    }
    if (record.vwap == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.vwap);
    }
    target.writeDouble(record.largeShare);
  }

  @Override
  public NotionalFeatures deserialize(DataInputView source) throws IOException {
    NotionalFeatures record = new NotionalFeatures();
    record.ticker = StringValue.readString(source);
    record.timestamp = source.readBoolean() ? Instant.ofEpochSecond(source.readLong(), source.readInt()) : null;
    record.trades = source.readLong();
    record.largeTrades = source.readLong();
    record.flaggedTrades = source.readLong();
    record.notional = source.readBoolean() ? source.readDouble() : null;
    record.buyNotional = source.readBoolean() ? source.readDouble() : null;
    record.largeVolume = source.readBoolean() ? source.readDouble() : null;
    record.largePriceAvg = source.readBoolean() ? source.readDouble() : null;
    record.buyPriceMin = source.readBoolean() ? source.readDouble() : null;
    record.lastBuyPrice = source.readBoolean() ? source.readDouble() : null;
    record.buyPriceStdDev = source.readBoolean() ? source.readDouble() : null;
    record.volume = source.readBoolean() ? source.readDouble() : null;
    record.vwap = source.readBoolean() ? source.readDouble() : null;
    record.largeShare = source.readDouble();
    return record;
  }
}
