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
 * Maps {@link VolatilityFeatures} rows to Avro in Hopsworks' conventions, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class VolatilityFeatures_AvroCodec implements FeatureRowCodec<VolatilityFeatures> {
  private static final long serialVersionUID = 1L;

  @Override
  public Schema schema(String groupName, int version) {
    List<Schema.Field> fields = new ArrayList<>();
    fields.add(field("ticker", Schema.create(Schema.Type.STRING)));
    fields.add(field("timestamp", timestampMicros()));
    fields.add(field("trades", Schema.create(Schema.Type.LONG)));
    fields.add(field("price_std_dev", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("price_variance", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("price_population_variance", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("size_population_std_dev", Schema.create(Schema.Type.DOUBLE)));
    return Schema.createRecord(groupName + "_" + version, null, null, false, fields);
  }

  @Override
  public void encode(VolatilityFeatures row, Encoder out) throws IOException {
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
    if (row.priceStdDev == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeDouble(row.priceStdDev);
    }
    if (row.priceVariance == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeDouble(row.priceVariance);
    }
    out.writeIndex(1);
    out.writeDouble(row.pricePopulationVariance);
    if (row.sizePopulationStdDev == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeDouble(row.sizePopulationStdDev);
    }
  }

  @Override
  public void encodeEmpty(VolatilityFeatures row, Encoder out) throws IOException {
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
  }

  @Override
  public VolatilityFeatures decode(Decoder in) throws IOException {
    VolatilityFeatures row = new VolatilityFeatures();
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
      row.priceStdDev = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.priceVariance = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.pricePopulationVariance = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.sizePopulationStdDev = in.readDouble();
    }
    return row;
  }

  @Override
  public String primaryKey(VolatilityFeatures row) {
    return String.valueOf(row.ticker);
  }

  @Override
  public GenericRecord toGenericRecord(VolatilityFeatures row, Schema schema) {
    GenericData.Record record = new GenericData.Record(schema);
    record.put(0, row.ticker);
    record.put(1, row.timestamp == null ? null : toMicros(row.timestamp));
    record.put(2, row.trades);
    record.put(3, row.priceStdDev);
    record.put(4, row.priceVariance);
    record.put(5, row.pricePopulationVariance);
    record.put(6, row.sizePopulationStdDev);
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
