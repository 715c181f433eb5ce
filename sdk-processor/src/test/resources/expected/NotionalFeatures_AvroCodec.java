package test;

import io.featuresdk.runtime.spi.FeatureRowCodec;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Generated;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/**
 * Maps {@link NotionalFeatures} rows to Avro in Hopsworks' conventions, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class NotionalFeatures_AvroCodec implements FeatureRowCodec<NotionalFeatures> {
  private static final long serialVersionUID = 1L;

  @Override
  public Schema schema(String groupName, int version) {
    List<Schema.Field> fields = new ArrayList<>();
    fields.add(field("ticker", Schema.create(Schema.Type.STRING)));
    fields.add(field("timestamp", timestampMicros()));
    fields.add(field("trades", Schema.create(Schema.Type.LONG)));
    fields.add(field("large_trades", Schema.create(Schema.Type.LONG)));
    fields.add(field("flagged_trades", Schema.create(Schema.Type.LONG)));
    fields.add(field("notional", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("buy_notional", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("large_volume", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("large_price_avg", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("buy_price_min", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("last_buy_price", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("buy_price_std_dev", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("volume", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("vwap", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("large_share", Schema.create(Schema.Type.DOUBLE)));
    return Schema.createRecord(groupName + "_" + version, null, null, false, fields);
  }

  @Override
  public void encode(NotionalFeatures row, Encoder out) throws IOException {
    if (row.ticker == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeString(row.ticker);
    }
    if (row.timestamp == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeLong(toMicros(row.timestamp));
    }
    out.writeIndex(1);
    out.writeLong(row.trades);
    out.writeIndex(1);
    out.writeLong(row.largeTrades);
    out.writeIndex(1);
    out.writeLong(row.flaggedTrades);
    if (row.notional == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeDouble(row.notional);
    }
    if (row.buyNotional == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeDouble(row.buyNotional);
    }
    if (row.largeVolume == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeDouble(row.largeVolume);
    }
    if (row.largePriceAvg == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeDouble(row.largePriceAvg);
    }
    if (row.buyPriceMin == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeDouble(row.buyPriceMin);
    }
    if (row.lastBuyPrice == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeDouble(row.lastBuyPrice);
    }
    if (row.buyPriceStdDev == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeDouble(row.buyPriceStdDev);
    }
    if (row.volume == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeDouble(row.volume);
    }
    if (row.vwap == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeDouble(row.vwap);
    }
    out.writeIndex(1);
    out.writeDouble(row.largeShare);
  }

  @Override
  public void encodeEmpty(NotionalFeatures row, Encoder out) throws IOException {
    if (row.ticker == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeString(row.ticker);
    }
    if (row.timestamp == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeLong(toMicros(row.timestamp));
    }
    out.writeIndex(1);
    out.writeLong(row.trades);
    out.writeIndex(1);
    out.writeLong(row.largeTrades);
    out.writeIndex(1);
    out.writeLong(row.flaggedTrades);
    out.writeIndex(0);
    out.writeNull();
    out.writeIndex(0);
    out.writeNull();
    out.writeIndex(0);
    out.writeNull();
    out.writeIndex(0);
    out.writeNull();
    out.writeIndex(0);
    out.writeNull();
    out.writeIndex(0);
    out.writeNull();
    out.writeIndex(0);
    out.writeNull();
    out.writeIndex(0);
    out.writeNull();
    out.writeIndex(0);
    out.writeNull();
    out.writeIndex(0);
    out.writeNull();
  }

  @Override
  public NotionalFeatures decode(Decoder in) throws IOException {
    NotionalFeatures row = new NotionalFeatures();
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.ticker = in.readString();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.timestamp = fromMicros(in.readLong());
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.trades = in.readLong();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.largeTrades = in.readLong();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.flaggedTrades = in.readLong();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.notional = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.buyNotional = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.largeVolume = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.largePriceAvg = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.buyPriceMin = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.lastBuyPrice = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.buyPriceStdDev = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.volume = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.vwap = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.largeShare = in.readDouble();
    }
    return row;
  }

  @Override
  public String primaryKey(NotionalFeatures row) {
    return String.valueOf(row.ticker);
  }

  @Override
  public GenericRecord toGenericRecord(NotionalFeatures row, Schema schema) {
    GenericData.Record record = new GenericData.Record(schema);
    record.put(0, row.ticker);
    record.put(1, row.timestamp == null ? null : toMicros(row.timestamp));
    record.put(2, row.trades);
    record.put(3, row.largeTrades);
    record.put(4, row.flaggedTrades);
    record.put(5, row.notional);
    record.put(6, row.buyNotional);
    record.put(7, row.largeVolume);
    record.put(8, row.largePriceAvg);
    record.put(9, row.buyPriceMin);
    record.put(10, row.lastBuyPrice);
    record.put(11, row.buyPriceStdDev);
    record.put(12, row.volume);
    record.put(13, row.vwap);
    record.put(14, row.largeShare);
    return record;
  }

  /**
   * A {@code ["null", type]} field without default, as Hopsworks writes them.
   */
  private static Schema.Field field(String name, Schema type) {
    Schema optional = Schema.createUnion(Schema.create(Schema.Type.NULL), type);
    return new Schema.Field(name, optional, null, (Object) null);
  }

  private static Schema timestampMicros() {
    return LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
  }

  private static long toMicros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
  }

  private static Instant fromMicros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
