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
 * Maps {@link RecentFeatures} rows to Avro in Hopsworks' conventions, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class RecentFeatures_AvroCodec implements FeatureRowCodec<RecentFeatures> {
  private static final long serialVersionUID = 1L;

  @Override
  public Schema schema(String groupName, int version) {
    List<Schema.Field> fields = new ArrayList<>();
    fields.add(field("ticker", Schema.create(Schema.Type.STRING)));
    fields.add(field("timestamp", timestampMicros()));
    fields.add(field("trades", Schema.create(Schema.Type.LONG)));
    fields.add(field("last_prices", Schema.createArray(Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.DOUBLE)))));
    fields.add(field("first_prices", Schema.createArray(Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.DOUBLE)))));
    fields.add(field("last_sizes", Schema.createArray(Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.DOUBLE)))));
    fields.add(field("last_distinct_bands", Schema.createArray(Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)))));
    fields.add(field("first_distinct_mod7", Schema.createArray(Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.LONG)))));
    fields.add(field("last_buy_prices", Schema.createArray(Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.DOUBLE)))));
    fields.add(field("first_sides", Schema.createArray(Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.BOOLEAN)))));
    fields.add(field("first_float_prices", Schema.createArray(Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.FLOAT)))));
    fields.add(field("top_bands", Schema.createArray(Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)))));
    fields.add(field("top_buy_mod7", Schema.createArray(Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.LONG)))));
    fields.add(field("top_buckets", Schema.createArray(Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.INT)))));
    fields.add(field("majority_side", Schema.createArray(Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.BOOLEAN)))));
    fields.add(field("top_prices", Schema.createArray(Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.DOUBLE)))));
    return Schema.createRecord(groupName + "_" + version, null, null, false, fields);
  }

  @Override
  public void encode(RecentFeatures row, Encoder out) throws IOException {
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
    if (row.lastPrices == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      writeDoubles(row.lastPrices, out);
    }
    if (row.firstPrices == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      writeDoubles(row.firstPrices, out);
    }
    if (row.lastSizes == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      writeDoubles(row.lastSizes, out);
    }
    if (row.lastDistinctBands == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      writeStrings(row.lastDistinctBands, out);
    }
    if (row.firstDistinctMod7 == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      writeLongs(row.firstDistinctMod7, out);
    }
    if (row.lastBuyPrices == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      writeDoubles(row.lastBuyPrices, out);
    }
    if (row.firstSides == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      writeBooleans(row.firstSides, out);
    }
    if (row.firstFloatPrices == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      writeFloats(row.firstFloatPrices, out);
    }
    if (row.topBands == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      writeStrings(row.topBands, out);
    }
    if (row.topBuyMod7 == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      writeLongs(row.topBuyMod7, out);
    }
    if (row.topBuckets == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      writeInts(row.topBuckets, out);
    }
    if (row.majoritySide == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      writeBooleans(row.majoritySide, out);
    }
    if (row.topPrices == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      writeDoubles(row.topPrices, out);
    }
  }

  @Override
  public void encodeEmpty(RecentFeatures row, Encoder out) throws IOException {
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
  public RecentFeatures decode(Decoder in) throws IOException {
    RecentFeatures row = new RecentFeatures();
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
      row.lastPrices = readDoubles(in);
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.firstPrices = readDoubles(in);
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.lastSizes = readDoubles(in);
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.lastDistinctBands = readStrings(in);
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.firstDistinctMod7 = readLongs(in);
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.lastBuyPrices = readDoubles(in);
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.firstSides = readBooleans(in);
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.firstFloatPrices = readFloats(in);
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.topBands = readStrings(in);
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.topBuyMod7 = readLongs(in);
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.topBuckets = readInts(in);
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.majoritySide = readBooleans(in);
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.topPrices = readDoubles(in);
    }
    return row;
  }

  @Override
  public String primaryKey(RecentFeatures row) {
    return String.valueOf(row.ticker);
  }

  @Override
  public GenericRecord toGenericRecord(RecentFeatures row, Schema schema) {
    GenericData.Record record = new GenericData.Record(schema);
    record.put(0, row.ticker);
    record.put(1, row.timestamp == null ? null : toMicros(row.timestamp));
    record.put(2, row.trades);
    record.put(3, row.lastPrices);
    record.put(4, row.firstPrices);
    record.put(5, row.lastSizes);
    record.put(6, row.lastDistinctBands);
    record.put(7, row.firstDistinctMod7);
    record.put(8, row.lastBuyPrices);
    record.put(9, row.firstSides);
    record.put(10, row.firstFloatPrices);
    record.put(11, row.topBands);
    record.put(12, row.topBuyMod7);
    record.put(13, row.topBuckets);
    record.put(14, row.majoritySide);
    record.put(15, row.topPrices);
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

  private static void writeBooleans(List<Boolean> values, Encoder out) throws IOException {
    out.writeArrayStart();
    out.setItemCount(values.size());
    for (Boolean value : values) {
      out.startItem();
      if (value == null) {
        out.writeIndex(0);
        out.writeNull();
      } else {
        out.writeIndex(1);
        out.writeBoolean(value);
      }
    }
    out.writeArrayEnd();
  }

  private static List<Boolean> readBooleans(Decoder in) throws IOException {
    List<Boolean> values = new ArrayList<>();
    for (long block = in.readArrayStart(); block != 0; block = in.arrayNext()) {
      for (long i = 0; i < block; i++) {
        if (in.readIndex() == 0) {
          in.readNull();
          values.add(null);
        } else {
          values.add(in.readBoolean());
        }
      }
    }
    return values;
  }

  private static void writeInts(List<Integer> values, Encoder out) throws IOException {
    out.writeArrayStart();
    out.setItemCount(values.size());
    for (Integer value : values) {
      out.startItem();
      if (value == null) {
        out.writeIndex(0);
        out.writeNull();
      } else {
        out.writeIndex(1);
        out.writeInt(value);
      }
    }
    out.writeArrayEnd();
  }

  private static List<Integer> readInts(Decoder in) throws IOException {
    List<Integer> values = new ArrayList<>();
    for (long block = in.readArrayStart(); block != 0; block = in.arrayNext()) {
      for (long i = 0; i < block; i++) {
        if (in.readIndex() == 0) {
          in.readNull();
          values.add(null);
        } else {
          values.add(in.readInt());
        }
      }
    }
    return values;
  }

  private static void writeLongs(List<Long> values, Encoder out) throws IOException {
    out.writeArrayStart();
    out.setItemCount(values.size());
    for (Long value : values) {
      out.startItem();
      if (value == null) {
        out.writeIndex(0);
        out.writeNull();
      } else {
        out.writeIndex(1);
        out.writeLong(value);
      }
    }
    out.writeArrayEnd();
  }

  private static List<Long> readLongs(Decoder in) throws IOException {
    List<Long> values = new ArrayList<>();
    for (long block = in.readArrayStart(); block != 0; block = in.arrayNext()) {
      for (long i = 0; i < block; i++) {
        if (in.readIndex() == 0) {
          in.readNull();
          values.add(null);
        } else {
          values.add(in.readLong());
        }
      }
    }
    return values;
  }

  private static void writeFloats(List<Float> values, Encoder out) throws IOException {
    out.writeArrayStart();
    out.setItemCount(values.size());
    for (Float value : values) {
      out.startItem();
      if (value == null) {
        out.writeIndex(0);
        out.writeNull();
      } else {
        out.writeIndex(1);
        out.writeFloat(value);
      }
    }
    out.writeArrayEnd();
  }

  private static List<Float> readFloats(Decoder in) throws IOException {
    List<Float> values = new ArrayList<>();
    for (long block = in.readArrayStart(); block != 0; block = in.arrayNext()) {
      for (long i = 0; i < block; i++) {
        if (in.readIndex() == 0) {
          in.readNull();
          values.add(null);
        } else {
          values.add(in.readFloat());
        }
      }
    }
    return values;
  }

  private static void writeDoubles(List<Double> values, Encoder out) throws IOException {
    out.writeArrayStart();
    out.setItemCount(values.size());
    for (Double value : values) {
      out.startItem();
      if (value == null) {
        out.writeIndex(0);
        out.writeNull();
      } else {
        out.writeIndex(1);
        out.writeDouble(value);
      }
    }
    out.writeArrayEnd();
  }

  private static List<Double> readDoubles(Decoder in) throws IOException {
    List<Double> values = new ArrayList<>();
    for (long block = in.readArrayStart(); block != 0; block = in.arrayNext()) {
      for (long i = 0; i < block; i++) {
        if (in.readIndex() == 0) {
          in.readNull();
          values.add(null);
        } else {
          values.add(in.readDouble());
        }
      }
    }
    return values;
  }

  private static void writeStrings(List<String> values, Encoder out) throws IOException {
    out.writeArrayStart();
    out.setItemCount(values.size());
    for (String value : values) {
      out.startItem();
      if (value == null) {
        out.writeIndex(0);
        out.writeNull();
      } else {
        out.writeIndex(1);
        out.writeString(value);
      }
    }
    out.writeArrayEnd();
  }

  private static List<String> readStrings(Decoder in) throws IOException {
    List<String> values = new ArrayList<>();
    for (long block = in.readArrayStart(); block != 0; block = in.arrayNext()) {
      for (long i = 0; i < block; i++) {
        if (in.readIndex() == 0) {
          in.readNull();
          values.add(null);
        } else {
          values.add(in.readString());
        }
      }
    }
    return values;
  }

  private static long toMicros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
  }

  private static Instant fromMicros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
