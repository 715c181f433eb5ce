package test;

import io.featuresdk.runtime.spi.GeneratedSerializer;
import java.io.IOException;
import java.time.Instant;
import javax.annotation.processing.Generated;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializes {@link SketchFeatures} field by field, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class SketchFeatures_RowSerializer extends GeneratedSerializer<SketchFeatures> {
  private static final long serialVersionUID = 1L;

  public SketchFeatures_RowSerializer() {
  }

  @Override
  public String layoutFingerprint() {
    return "SketchFeatures(ticker:String,timestamp:Instant,trades:long,distinctPrices:long,distinctBuySizes:Long,priceP95:double,priceMedian:Double,buySizeP90:Double,distinctPricesUpTo50:long,distinctBuySizesExact:Long)";
  }

  @Override
  public SketchFeatures createInstance() {
    return new SketchFeatures();
  }

  @Override
  public SketchFeatures copy(SketchFeatures from) {
    SketchFeatures copy = new SketchFeatures();
    copy.ticker = from.ticker;
    copy.timestamp = from.timestamp;
    copy.trades = from.trades;
    copy.distinctPrices = from.distinctPrices;
    copy.distinctBuySizes = from.distinctBuySizes;
    copy.priceP95 = from.priceP95;
    copy.priceMedian = from.priceMedian;
    copy.buySizeP90 = from.buySizeP90;
    copy.distinctPricesUpTo50 = from.distinctPricesUpTo50;
    copy.distinctBuySizesExact = from.distinctBuySizesExact;
    return copy;
  }

  @Override
  public void serialize(SketchFeatures record, DataOutputView target) throws IOException {
    StringValue.writeString(record.ticker, target);
    if (record.timestamp == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeLong(record.timestamp.getEpochSecond());
      target.writeInt(record.timestamp.getNano());
    }
    target.writeLong(record.trades);
    target.writeLong(record.distinctPrices);
    if (record.distinctBuySizes == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeLong(record.distinctBuySizes);
    }
    target.writeDouble(record.priceP95);
    if (record.priceMedian == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.priceMedian);
    }
    if (record.buySizeP90 == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeDouble(record.buySizeP90);
    }
    target.writeLong(record.distinctPricesUpTo50);
    if (record.distinctBuySizesExact == null) {
      target.writeBoolean(false);
    } else {
      target.writeBoolean(true);
      target.writeLong(record.distinctBuySizesExact);
    }
  }

  @Override
  public SketchFeatures deserialize(DataInputView source) throws IOException {
    SketchFeatures record = new SketchFeatures();
    record.ticker = StringValue.readString(source);
    record.timestamp = source.readBoolean() ? Instant.ofEpochSecond(source.readLong(), source.readInt()) : null;
    record.trades = source.readLong();
    record.distinctPrices = source.readLong();
    record.distinctBuySizes = source.readBoolean() ? source.readLong() : null;
    record.priceP95 = source.readDouble();
    record.priceMedian = source.readBoolean() ? source.readDouble() : null;
    record.buySizeP90 = source.readBoolean() ? source.readDouble() : null;
    record.distinctPricesUpTo50 = source.readLong();
    record.distinctBuySizesExact = source.readBoolean() ? source.readLong() : null;
    return record;
  }
}
