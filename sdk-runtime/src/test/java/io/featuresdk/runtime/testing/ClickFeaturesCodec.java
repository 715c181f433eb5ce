package io.featuresdk.runtime.testing;

import io.featuresdk.runtime.spi.FeatureRowCodec;
import java.io.IOException;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/** Stand-in for a generated Avro codec in Hopsworks' conventions (every field nullable). */
public final class ClickFeaturesCodec implements FeatureRowCodec<ClickFeatures> {
  private static final long serialVersionUID = 1L;

  @Override
  public Schema schema(String groupName, int version) {
    Schema micros = LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
    return SchemaBuilder.record(groupName + "_" + version)
        .fields()
        .name("user").type(nullable(Schema.create(Schema.Type.STRING))).noDefault()
        .name("window_end").type(nullable(micros)).noDefault()
        .name("count").type(nullable(Schema.create(Schema.Type.LONG))).noDefault()
        .name("sum").type(nullable(Schema.create(Schema.Type.DOUBLE))).noDefault()
        .name("min").type(nullable(Schema.create(Schema.Type.DOUBLE))).noDefault()
        .name("max").type(nullable(Schema.create(Schema.Type.DOUBLE))).noDefault()
        .endRecord();
  }

  private static Schema nullable(Schema type) {
    return Schema.createUnion(Schema.create(Schema.Type.NULL), type);
  }

  @Override
  public void encode(ClickFeatures row, Encoder out) throws IOException {
    if (row.user == null) {
      out.writeIndex(0);
      out.writeNull();
    } else {
      out.writeIndex(1);
      out.writeString(row.user);
    }
    out.writeIndex(1);
    out.writeLong(row.windowEnd * 1000);
    out.writeIndex(1);
    out.writeLong(row.count);
    out.writeIndex(1);
    out.writeDouble(row.sum);
    out.writeIndex(1);
    out.writeDouble(row.min);
    out.writeIndex(1);
    out.writeDouble(row.max);
  }

  @Override
  public void encodeEmpty(ClickFeatures row, Encoder out) throws IOException {
    out.writeIndex(1);
    out.writeString(row.user);
    out.writeIndex(1);
    out.writeLong(row.windowEnd * 1000);
    out.writeIndex(1);
    out.writeLong(0);
    for (int i = 0; i < 3; i++) { // sum, min, max
      out.writeIndex(0);
      out.writeNull();
    }
  }

  @Override
  public ClickFeatures decode(Decoder in) throws IOException {
    ClickFeatures row = new ClickFeatures();
    if (in.readIndex() == 1) {
      row.user = in.readString();
    } else {
      in.readNull();
    }
    row.windowEnd = readLong(in) / 1000;
    row.count = readLong(in);
    row.sum = readDouble(in);
    row.min = readDouble(in);
    row.max = readDouble(in);
    return row;
  }

  private static long readLong(Decoder in) throws IOException {
    if (in.readIndex() == 0) {
      in.readNull();
      return 0;
    }
    return in.readLong();
  }

  private static double readDouble(Decoder in) throws IOException {
    if (in.readIndex() == 0) {
      in.readNull();
      return Double.NaN;
    }
    return in.readDouble();
  }

  @Override
  public String primaryKey(ClickFeatures row) {
    return String.valueOf(row.user);
  }

  @Override
  public GenericRecord toGenericRecord(ClickFeatures row, Schema schema) {
    GenericRecord record = new GenericData.Record(schema);
    record.put("user", row.user);
    record.put("window_end", row.windowEnd * 1000);
    record.put("count", row.count);
    record.put("sum", row.sum);
    record.put("min", row.min);
    record.put("max", row.max);
    return record;
  }
}
