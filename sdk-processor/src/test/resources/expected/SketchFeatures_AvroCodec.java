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
 * Maps {@link SketchFeatures} rows to Avro in Hopsworks' conventions, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class SketchFeatures_AvroCodec implements FeatureRowCodec<SketchFeatures> {
  private static final long serialVersionUID = 1L;

  @Override
  public Schema schema(String groupName, int version) {
    List<Schema.Field> fields = new ArrayList<>();
    fields.add(field("ticker", Schema.create(Schema.Type.STRING)));
    fields.add(field("timestamp", timestampMicros()));
    fields.add(field("trades", Schema.create(Schema.Type.LONG)));
    fields.add(field("distinct_prices", Schema.create(Schema.Type.LONG)));
    fields.add(field("distinct_buy_sizes", Schema.create(Schema.Type.LONG)));
    fields.add(field("price_p95", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("price_median", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("buy_size_p90", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("distinct_prices_up_to50", Schema.create(Schema.Type.LONG)));
    fields.add(field("distinct_buy_sizes_exact", Schema.create(Schema.Type.LONG)));
    return Schema.createRecord(groupName + "_" + version, null, null, false, fields);
  }

  @Override
  public void encode(SketchFeatures row, Encoder out) throws IOException {
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
    out.writeLong(row.distinctPrices);
    if (row.distinctBuySizes == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeLong(row.distinctBuySizes);
    }
    out.writeIndex(1);
    out.writeDouble(row.priceP95);
    if (row.priceMedian == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeDouble(row.priceMedian);
    }
    if (row.buySizeP90 == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeDouble(row.buySizeP90);
    }
    out.writeIndex(1);
    out.writeLong(row.distinctPricesUpTo50);
    if (row.distinctBuySizesExact == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeLong(row.distinctBuySizesExact);
    }
  }

  @Override
  public void encodeEmpty(SketchFeatures row, Encoder out) throws IOException {
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
  public SketchFeatures decode(Decoder in) throws IOException {
    SketchFeatures row = new SketchFeatures();
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
      row.distinctPrices = in.readLong();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.distinctBuySizes = in.readLong();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.priceP95 = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.priceMedian = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.buySizeP90 = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.distinctPricesUpTo50 = in.readLong();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.distinctBuySizesExact = in.readLong();
    }
    return row;
  }

  @Override
  public String primaryKey(SketchFeatures row) {
    return String.valueOf(row.ticker);
  }

  @Override
  public GenericRecord toGenericRecord(SketchFeatures row, Schema schema) {
    GenericData.Record record = new GenericData.Record(schema);
    record.put(0, row.ticker);
    record.put(1, row.timestamp == null ? null : toMicros(row.timestamp));
    record.put(2, row.trades);
    record.put(3, row.distinctPrices);
    record.put(4, row.distinctBuySizes);
    record.put(5, row.priceP95);
    record.put(6, row.priceMedian);
    record.put(7, row.buySizeP90);
    record.put(8, row.distinctPricesUpTo50);
    record.put(9, row.distinctBuySizesExact);
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
