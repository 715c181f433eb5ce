package test;

import io.featuresdk.runtime.spi.GeneratedSerializer;
import io.featuresdk.runtime.spi.SketchStates;
import java.io.IOException;
import javax.annotation.processing.Generated;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializes {@link SketchFeatures_Accumulator} field by field, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class SketchFeatures_AccumulatorSerializer extends GeneratedSerializer<SketchFeatures_Accumulator> {
  private static final long serialVersionUID = 1L;

  public SketchFeatures_AccumulatorSerializer() {
  }

  @Override
  public String layoutFingerprint() {
    return "SketchFeatures_Accumulator(eventCount:long,key_ticker:String,distinctPrices_hll:HllUnion,distinctBuySizes_hll:HllUnion,distinctBuySizes_matched:long,price__kll200:KllSketch,size__kll200_where_buy:KllSketch,buySizeP90_matched:long,distinctPricesUpTo50_values:DistinctSet,distinctBuySizesExact_values:DistinctSet,distinctBuySizesExact_matched:long)";
  }

  @Override
  public SketchFeatures_Accumulator createInstance() {
    return new SketchFeatures_Accumulator();
  }

  @Override
  public SketchFeatures_Accumulator copy(SketchFeatures_Accumulator from) {
    SketchFeatures_Accumulator copy = new SketchFeatures_Accumulator();
    copy.eventCount = from.eventCount;
    copy.key_ticker = from.key_ticker;
    copy.distinctPrices_hll = from.distinctPrices_hll == null ? null : SketchStates.copy(from.distinctPrices_hll);
    copy.distinctBuySizes_hll = from.distinctBuySizes_hll == null ? null : SketchStates.copy(from.distinctBuySizes_hll);
    copy.distinctBuySizes_matched = from.distinctBuySizes_matched;
    copy.price__kll200 = from.price__kll200 == null ? null : SketchStates.copy(from.price__kll200);
    copy.size__kll200_where_buy = from.size__kll200_where_buy == null ? null : SketchStates.copy(from.size__kll200_where_buy);
    copy.buySizeP90_matched = from.buySizeP90_matched;
    copy.distinctPricesUpTo50_values = from.distinctPricesUpTo50_values == null ? null : SketchStates.copy(from.distinctPricesUpTo50_values);
    copy.distinctBuySizesExact_values = from.distinctBuySizesExact_values == null ? null : SketchStates.copy(from.distinctBuySizesExact_values);
    copy.distinctBuySizesExact_matched = from.distinctBuySizesExact_matched;
    return copy;
  }

  @Override
  public void serialize(SketchFeatures_Accumulator record, DataOutputView target) throws
      IOException {
    target.writeLong(record.eventCount);
    StringValue.writeString(record.key_ticker, target);
    if (record.distinctPrices_hll == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      SketchStates.write(record.distinctPrices_hll, target);
    }
    if (record.distinctBuySizes_hll == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      SketchStates.write(record.distinctBuySizes_hll, target);
    }
    target.writeLong(record.distinctBuySizes_matched);
    if (record.price__kll200 == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      SketchStates.write(record.price__kll200, target);
    }
    if (record.size__kll200_where_buy == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      SketchStates.write(record.size__kll200_where_buy, target);
    }
    target.writeLong(record.buySizeP90_matched);
    if (record.distinctPricesUpTo50_values == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      SketchStates.write(record.distinctPricesUpTo50_values, target);
    }
    if (record.distinctBuySizesExact_values == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      SketchStates.write(record.distinctBuySizesExact_values, target);
    }
    target.writeLong(record.distinctBuySizesExact_matched);
  }

  @Override
  public SketchFeatures_Accumulator deserialize(DataInputView source) throws IOException {
    SketchFeatures_Accumulator record = new SketchFeatures_Accumulator();
    record.eventCount = source.readLong();
    record.key_ticker = StringValue.readString(source);
    record.distinctPrices_hll = source.readBoolean() ? SketchStates.readHllUnion(source) : null;
    record.distinctBuySizes_hll = source.readBoolean() ? SketchStates.readHllUnion(source) : null;
    record.distinctBuySizes_matched = source.readLong();
    record.price__kll200 = source.readBoolean() ? SketchStates.readKll(source) : null;
    record.size__kll200_where_buy = source.readBoolean() ? SketchStates.readKll(source) : null;
    record.buySizeP90_matched = source.readLong();
    record.distinctPricesUpTo50_values = source.readBoolean() ? SketchStates.readDistinctSet(source) : null;
    record.distinctBuySizesExact_values = source.readBoolean() ? SketchStates.readDistinctSet(source) : null;
    record.distinctBuySizesExact_matched = source.readLong();
    return record;
  }
}
