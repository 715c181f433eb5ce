package test;

import io.featuresdk.runtime.spi.FeatureRowCodec;
import java.io.IOException;
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
 * Maps {@link TradeFeatures} rows to Avro in Hopsworks' conventions, without reflection.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class TradeFeatures_AvroCodec implements FeatureRowCodec<TradeFeatures> {
  private static final long serialVersionUID = 1L;

  @Override
  public Schema schema(String groupName, int version) {
    List<Schema.Field> fields = new ArrayList<>();
    fields.add(field("venue", Schema.create(Schema.Type.STRING)));
    fields.add(field("symbol", Schema.create(Schema.Type.INT)));
    fields.add(field("window_end", timestampMicros()));
    fields.add(field("trades", Schema.create(Schema.Type.INT)));
    fields.add(field("total_qty", Schema.create(Schema.Type.LONG)));
    fields.add(field("notional", Schema.create(Schema.Type.DOUBLE)));
    fields.add(field("min_qty", Schema.create(Schema.Type.LONG)));
    fields.add(field("max_qty", Schema.create(Schema.Type.INT)));
    fields.add(field("first_side", Schema.create(Schema.Type.STRING)));
    fields.add(field("last_qty", Schema.create(Schema.Type.INT)));
    return Schema.createRecord(groupName + "_" + version, null, null, false, fields);
  }

  @Override
  public void encode(TradeFeatures row, Encoder out) throws IOException {
    if (row.venue == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeString(row.venue);
    }
    out.writeIndex(1);
    out.writeInt(row.symbolId);
    out.writeIndex(1);
    out.writeLong(row.windowEnd * 1_000L);
    out.writeIndex(1);
    out.writeInt(row.trades);
    if (row.totalQty == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeLong(row.totalQty);
    }
    if (row.notional == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeDouble(row.notional);
    }
    if (row.minQty == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeLong(row.minQty);
    }
    if (row.maxQty == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeInt(row.maxQty);
    }
    if (row.firstSide == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeString(row.firstSide);
    }
    if (row.lastQty == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeInt(row.lastQty);
    }
  }

  @Override
  public void encodeEmpty(TradeFeatures row, Encoder out) throws IOException {
    if (row.venue == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeString(row.venue);
    }
    out.writeIndex(1);
    out.writeInt(row.symbolId);
    out.writeIndex(1);
    out.writeLong(row.windowEnd * 1_000L);
    out.writeIndex(1);
    out.writeInt(row.trades);
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
  public TradeFeatures decode(Decoder in) throws IOException {
    TradeFeatures row = new TradeFeatures();
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.venue = in.readString();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.symbolId = in.readInt();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.windowEnd = Math.floorDiv(in.readLong(), 1_000L);
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.trades = in.readInt();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.totalQty = in.readLong();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.notional = in.readDouble();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.minQty = in.readLong();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.maxQty = in.readInt();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.firstSide = in.readString();
    }
    if (in.readIndex() == 0) {
      in.readNull();
    } else {
      row.lastQty = in.readInt();
    }
    return row;
  }

  @Override
  public String primaryKey(TradeFeatures row) {
    return String.valueOf(row.venue) + ";" + String.valueOf(row.symbolId);
  }

  @Override
  public GenericRecord toGenericRecord(TradeFeatures row, Schema schema) {
    GenericData.Record record = new GenericData.Record(schema);
    record.put(0, row.venue);
    record.put(1, row.symbolId);
    record.put(2, row.windowEnd * 1_000L);
    record.put(3, row.trades);
    record.put(4, row.totalQty);
    record.put(5, row.notional);
    record.put(6, row.minQty);
    record.put(7, row.maxQty);
    record.put(8, row.firstSide);
    record.put(9, row.lastQty);
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
}
