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
 * Maps {@link PriceFeatures} rows to Avro in Hopsworks' conventions, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class PriceFeatures_AvroCodec implements FeatureRowCodec<PriceFeatures> {
  private static final long serialVersionUID = 1L;

  @Override
  public Schema schema(String groupName, int version) {
    List<Schema.Field> fields = new ArrayList<>();
    fields.add(field("ticker", Schema.create(Schema.Type.STRING)));
    fields.add(field("timestamp", timestampMicros()));
    fields.add(field("window_start", timestampMicros()));
    fields.add(field("price_avg", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("price_min", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("price_max", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("open", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("close", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("trades", Schema.create(Schema.Type.LONG)));
    fields.add(field("volume", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("avg_trade_size", Schema.create(Schema.Type.DOUBLE)));
    return Schema.createRecord(groupName + "_" + version, "ETH-USD price over sliding windows", null, false, fields);
  }

  @Override
  public void encode(PriceFeatures row, Encoder out) throws IOException {
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
    out.writeLong(row.windowStart * 1_000L);
    out.writeIndex(1);
    out.writeDouble(row.priceAvg);
    out.writeIndex(1);
    out.writeDouble(row.priceMin);
    out.writeIndex(1);
    out.writeDouble(row.priceMax);
    out.writeIndex(1);
    out.writeDouble(row.open);
    out.writeIndex(1);
    out.writeDouble(row.close);
    out.writeIndex(1);
    out.writeLong(row.trades);
    if (row.volume == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeDouble(row.volume);
    }
    if (row.getSizeAvg() == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeDouble(row.getSizeAvg());
    }
  }

  @Override
  public void encodeEmpty(PriceFeatures row, Encoder out) throws IOException {
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
    out.writeLong(row.windowStart * 1_000L);
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
    out.writeIndex(1);
    out.writeLong(row.trades);
    out.writeIndex(0);
    out.writeNull();
    out.writeIndex(0);
    out.writeNull();
  }

  @Override
  public PriceFeatures decode(Decoder in) throws IOException {
    PriceFeatures row = new PriceFeatures();
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
      row.windowStart = Math.floorDiv(in.readLong(), 1_000L);
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.priceAvg = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.priceMin = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.priceMax = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.open = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.close = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.trades = in.readLong();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.volume = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.setSizeAvg(in.readDouble());
    }
    return row;
  }

  @Override
  public String primaryKey(PriceFeatures row) {
    return String.valueOf(row.ticker);
  }

  @Override
  public GenericRecord toGenericRecord(PriceFeatures row, Schema schema) {
    GenericData.Record record = new GenericData.Record(schema);
    record.put(0, row.ticker);
    record.put(1, row.timestamp == null ? null : toMicros(row.timestamp));
    record.put(2, row.windowStart * 1_000L);
    record.put(3, row.priceAvg);
    record.put(4, row.priceMin);
    record.put(5, row.priceMax);
    record.put(6, row.open);
    record.put(7, row.close);
    record.put(8, row.trades);
    record.put(9, row.volume);
    record.put(10, row.getSizeAvg());
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
