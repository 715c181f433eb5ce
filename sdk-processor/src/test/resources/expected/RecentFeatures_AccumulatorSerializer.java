package test;

import io.featuresdk.runtime.spi.EventTimeValues;
import io.featuresdk.runtime.spi.FrequentValues;
import io.featuresdk.runtime.spi.GeneratedSerializer;
import io.featuresdk.runtime.spi.ListElement;
import java.io.IOException;
import javax.annotation.processing.Generated;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializes {@link RecentFeatures_Accumulator} field by field, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class RecentFeatures_AccumulatorSerializer extends GeneratedSerializer<RecentFeatures_Accumulator> {
  private static final long serialVersionUID = 1L;

  public RecentFeatures_AccumulatorSerializer() {
  }

  @Override
  public String layoutFingerprint() {
    return "RecentFeatures_Accumulator(eventCount:long,key_ticker:String,lastPrices_values:EventTimeValues<Double>,firstPrices_values:EventTimeValues<Double>,lastSizes_values:EventTimeValues<Double>,lastDistinctBands_values:EventTimeValues<String>,firstDistinctMod7_values:EventTimeValues<Long>,lastBuyPrices_values:EventTimeValues<Double>,lastBuyPrices_matched:long,firstSides_values:EventTimeValues<Boolean>,firstFloatPrices_values:EventTimeValues<Float>,topBands_sketch:ItemsSketch<String>,topBuyMod7_sketch:ItemsSketch<Long>,topBuyMod7_matched:long,topBuckets_sketch:ItemsSketch<Integer>,majoritySide_sketch:ItemsSketch<Boolean>,topPrices_sketch:ItemsSketch<Double>)";
  }

  @Override
  public RecentFeatures_Accumulator createInstance() {
    return new RecentFeatures_Accumulator();
  }

  @Override
  public RecentFeatures_Accumulator copy(RecentFeatures_Accumulator from) {
    RecentFeatures_Accumulator copy = new RecentFeatures_Accumulator();
    copy.eventCount = from.eventCount;
    copy.key_ticker = from.key_ticker;
    copy.lastPrices_values = from.lastPrices_values == null ? null : from.lastPrices_values.copy();
    copy.firstPrices_values = from.firstPrices_values == null ? null : from.firstPrices_values.copy();
    copy.lastSizes_values = from.lastSizes_values == null ? null : from.lastSizes_values.copy();
    copy.lastDistinctBands_values = from.lastDistinctBands_values == null ? null : from.lastDistinctBands_values.copy();
    copy.firstDistinctMod7_values = from.firstDistinctMod7_values == null ? null : from.firstDistinctMod7_values.copy();
    copy.lastBuyPrices_values = from.lastBuyPrices_values == null ? null : from.lastBuyPrices_values.copy();
    copy.lastBuyPrices_matched = from.lastBuyPrices_matched;
    copy.firstSides_values = from.firstSides_values == null ? null : from.firstSides_values.copy();
    copy.firstFloatPrices_values = from.firstFloatPrices_values == null ? null : from.firstFloatPrices_values.copy();
    copy.topBands_sketch = from.topBands_sketch == null ? null : FrequentValues.copy(from.topBands_sketch, ListElement.STRING);
    copy.topBuyMod7_sketch = from.topBuyMod7_sketch == null ? null : FrequentValues.copy(from.topBuyMod7_sketch, ListElement.LONG);
    copy.topBuyMod7_matched = from.topBuyMod7_matched;
    copy.topBuckets_sketch = from.topBuckets_sketch == null ? null : FrequentValues.copy(from.topBuckets_sketch, ListElement.INT);
    copy.majoritySide_sketch = from.majoritySide_sketch == null ? null : FrequentValues.copy(from.majoritySide_sketch, ListElement.BOOLEAN);
    copy.topPrices_sketch = from.topPrices_sketch == null ? null : FrequentValues.copy(from.topPrices_sketch, ListElement.DOUBLE);
    return copy;
  }

  @Override
  public void serialize(RecentFeatures_Accumulator record, DataOutputView target) throws
      IOException {
    target.writeLong(record.eventCount);
    StringValue.writeString(record.key_ticker, target);
    if (record.lastPrices_values == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      record.lastPrices_values.write(ListElement.DOUBLE, target);
    }
    if (record.firstPrices_values == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      record.firstPrices_values.write(ListElement.DOUBLE, target);
    }
    if (record.lastSizes_values == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      record.lastSizes_values.write(ListElement.DOUBLE, target);
    }
    if (record.lastDistinctBands_values == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      record.lastDistinctBands_values.write(ListElement.STRING, target);
    }
    if (record.firstDistinctMod7_values == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      record.firstDistinctMod7_values.write(ListElement.LONG, target);
    }
    if (record.lastBuyPrices_values == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      record.lastBuyPrices_values.write(ListElement.DOUBLE, target);
    }
    target.writeLong(record.lastBuyPrices_matched);
    if (record.firstSides_values == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      record.firstSides_values.write(ListElement.BOOLEAN, target);
    }
    if (record.firstFloatPrices_values == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      record.firstFloatPrices_values.write(ListElement.FLOAT, target);
    }
    if (record.topBands_sketch == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      FrequentValues.write(record.topBands_sketch, ListElement.STRING, target);
    }
    if (record.topBuyMod7_sketch == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      FrequentValues.write(record.topBuyMod7_sketch, ListElement.LONG, target);
    }
    target.writeLong(record.topBuyMod7_matched);
    if (record.topBuckets_sketch == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      FrequentValues.write(record.topBuckets_sketch, ListElement.INT, target);
    }
    if (record.majoritySide_sketch == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      FrequentValues.write(record.majoritySide_sketch, ListElement.BOOLEAN, target);
    }
    if (record.topPrices_sketch == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      FrequentValues.write(record.topPrices_sketch, ListElement.DOUBLE, target);
    }
  }

  @Override
  public RecentFeatures_Accumulator deserialize(DataInputView source) throws IOException {
    RecentFeatures_Accumulator record = new RecentFeatures_Accumulator();
    record.eventCount = source.readLong();
    record.key_ticker = StringValue.readString(source);
    record.lastPrices_values = source.readBoolean() ? EventTimeValues.read(ListElement.DOUBLE, source) : null;
    record.firstPrices_values = source.readBoolean() ? EventTimeValues.read(ListElement.DOUBLE, source) : null;
    record.lastSizes_values = source.readBoolean() ? EventTimeValues.read(ListElement.DOUBLE, source) : null;
    record.lastDistinctBands_values = source.readBoolean() ? EventTimeValues.read(ListElement.STRING, source) : null;
    record.firstDistinctMod7_values = source.readBoolean() ? EventTimeValues.read(ListElement.LONG, source) : null;
    record.lastBuyPrices_values = source.readBoolean() ? EventTimeValues.read(ListElement.DOUBLE, source) : null;
    record.lastBuyPrices_matched = source.readLong();
    record.firstSides_values = source.readBoolean() ? EventTimeValues.read(ListElement.BOOLEAN, source) : null;
    record.firstFloatPrices_values = source.readBoolean() ? EventTimeValues.read(ListElement.FLOAT, source) : null;
    record.topBands_sketch = source.readBoolean() ? FrequentValues.read(ListElement.STRING, source) : null;
    record.topBuyMod7_sketch = source.readBoolean() ? FrequentValues.read(ListElement.LONG, source) : null;
    record.topBuyMod7_matched = source.readLong();
    record.topBuckets_sketch = source.readBoolean() ? FrequentValues.read(ListElement.INT, source) : null;
    record.majoritySide_sketch = source.readBoolean() ? FrequentValues.read(ListElement.BOOLEAN, source) : null;
    record.topPrices_sketch = source.readBoolean() ? FrequentValues.read(ListElement.DOUBLE, source) : null;
    return record;
  }
}
