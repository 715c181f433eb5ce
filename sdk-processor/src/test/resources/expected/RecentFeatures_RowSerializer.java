package test;

import io.featuresdk.runtime.spi.GeneratedSerializer;
import io.featuresdk.runtime.spi.ListElement;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import javax.annotation.processing.Generated;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializes {@link RecentFeatures} field by field, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class RecentFeatures_RowSerializer extends GeneratedSerializer<RecentFeatures> {
  private static final long serialVersionUID = 1L;

  public RecentFeatures_RowSerializer() {
  }

  @Override
  public String layoutFingerprint() {
    return "RecentFeatures(ticker:String,timestamp:Instant,trades:long,lastPrices:List<Double>,firstPrices:List<Double>,lastSizes:List<Double>,lastDistinctBands:List<String>,firstDistinctMod7:List<Long>,lastBuyPrices:List<Double>,firstSides:List<Boolean>,firstFloatPrices:List<Float>,topBands:List<String>,topBuyMod7:List<Long>,topBuckets:List<Integer>,majoritySide:List<Boolean>,topPrices:List<Double>)";
  }

  @Override
  public RecentFeatures createInstance() {
    return new RecentFeatures();
  }

  @Override
  public RecentFeatures copy(RecentFeatures from) {
    RecentFeatures copy = new RecentFeatures();
    copy.ticker = from.ticker;
    copy.timestamp = from.timestamp;
    copy.trades = from.trades;
    copy.lastPrices = from.lastPrices == null ? null : new ArrayList<>(from.lastPrices);
    copy.firstPrices = from.firstPrices == null ? null : new ArrayList<>(from.firstPrices);
    copy.lastSizes = from.lastSizes == null ? null : new ArrayList<>(from.lastSizes);
    copy.lastDistinctBands = from.lastDistinctBands == null ? null : new ArrayList<>(from.lastDistinctBands);
    copy.firstDistinctMod7 = from.firstDistinctMod7 == null ? null : new ArrayList<>(from.firstDistinctMod7);
    copy.lastBuyPrices = from.lastBuyPrices == null ? null : new ArrayList<>(from.lastBuyPrices);
    copy.firstSides = from.firstSides == null ? null : new ArrayList<>(from.firstSides);
    copy.firstFloatPrices = from.firstFloatPrices == null ? null : new ArrayList<>(from.firstFloatPrices);
    copy.topBands = from.topBands == null ? null : new ArrayList<>(from.topBands);
    copy.topBuyMod7 = from.topBuyMod7 == null ? null : new ArrayList<>(from.topBuyMod7);
    copy.topBuckets = from.topBuckets == null ? null : new ArrayList<>(from.topBuckets);
    copy.majoritySide = from.majoritySide == null ? null : new ArrayList<>(from.majoritySide);
    copy.topPrices = from.topPrices == null ? null : new ArrayList<>(from.topPrices);
    return copy;
  }

  @Override
  public void serialize(RecentFeatures record, DataOutputView target) throws IOException {
    StringValue.writeString(record.ticker, target);
    if (record.timestamp == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeLong(record.timestamp.getEpochSecond());
      target.writeInt(record.timestamp.getNano());
    }
    target.writeLong(record.trades);
    if (record.lastPrices == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      ListElement.DOUBLE.writeList(record.lastPrices, target);
    }
    if (record.firstPrices == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      ListElement.DOUBLE.writeList(record.firstPrices, target);
    }
    if (record.lastSizes == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      ListElement.DOUBLE.writeList(record.lastSizes, target);
    }
    if (record.lastDistinctBands == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      ListElement.STRING.writeList(record.lastDistinctBands, target);
    }
    if (record.firstDistinctMod7 == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      ListElement.LONG.writeList(record.firstDistinctMod7, target);
    }
    if (record.lastBuyPrices == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      ListElement.DOUBLE.writeList(record.lastBuyPrices, target);
    }
    if (record.firstSides == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      ListElement.BOOLEAN.writeList(record.firstSides, target);
    }
    if (record.firstFloatPrices == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      ListElement.FLOAT.writeList(record.firstFloatPrices, target);
    }
    if (record.topBands == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      ListElement.STRING.writeList(record.topBands, target);
    }
    if (record.topBuyMod7 == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      ListElement.LONG.writeList(record.topBuyMod7, target);
    }
    if (record.topBuckets == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      ListElement.INT.writeList(record.topBuckets, target);
    }
    if (record.majoritySide == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      ListElement.BOOLEAN.writeList(record.majoritySide, target);
    }
    if (record.topPrices == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      ListElement.DOUBLE.writeList(record.topPrices, target);
    }
  }

  @Override
  public RecentFeatures deserialize(DataInputView source) throws IOException {
    RecentFeatures record = new RecentFeatures();
    record.ticker = StringValue.readString(source);
    record.timestamp = source.readBoolean() ? Instant.ofEpochSecond(source.readLong(), source.readInt()) : null;
    record.trades = source.readLong();
    record.lastPrices = source.readBoolean() ? ListElement.DOUBLE.readList(source) : null;
    record.firstPrices = source.readBoolean() ? ListElement.DOUBLE.readList(source) : null;
    record.lastSizes = source.readBoolean() ? ListElement.DOUBLE.readList(source) : null;
    record.lastDistinctBands = source.readBoolean() ? ListElement.STRING.readList(source) : null;
    record.firstDistinctMod7 = source.readBoolean() ? ListElement.LONG.readList(source) : null;
    record.lastBuyPrices = source.readBoolean() ? ListElement.DOUBLE.readList(source) : null;
    record.firstSides = source.readBoolean() ? ListElement.BOOLEAN.readList(source) : null;
    record.firstFloatPrices = source.readBoolean() ? ListElement.FLOAT.readList(source) : null;
    record.topBands = source.readBoolean() ? ListElement.STRING.readList(source) : null;
    record.topBuyMod7 = source.readBoolean() ? ListElement.LONG.readList(source) : null;
    record.topBuckets = source.readBoolean() ? ListElement.INT.readList(source) : null;
    record.majoritySide = source.readBoolean() ? ListElement.BOOLEAN.readList(source) : null;
    record.topPrices = source.readBoolean() ? ListElement.DOUBLE.readList(source) : null;
    return record;
  }
}
