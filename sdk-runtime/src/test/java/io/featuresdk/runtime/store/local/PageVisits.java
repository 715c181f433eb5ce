package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.FeatureRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * A test group with a two-part primary key (user, page) and one feature of each primitive type,
 * written in the Hopsworks row format (every field a ["null", T] union, timestamps in micros).
 */
final class PageVisits {
  static final String NAME = "page_visits_1m";
  static final String TABLE = "fg_page_visits_1m_v1";

  private PageVisits() {}

  static Schema schema() {
    Schema micros = LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
    return SchemaBuilder.record(NAME + "_1").fields()
        .name("user").type(nullable(Schema.create(Schema.Type.STRING))).noDefault()
        .name("page").type(nullable(Schema.create(Schema.Type.STRING))).noDefault()
        .name("timestamp").type(nullable(micros)).noDefault()
        .name("visits").type(nullable(Schema.create(Schema.Type.LONG))).noDefault()
        .name("seconds_avg").type(nullable(Schema.create(Schema.Type.DOUBLE))).noDefault()
        .name("mobile").type(nullable(Schema.create(Schema.Type.BOOLEAN))).noDefault()
        .name("order").type(nullable(Schema.create(Schema.Type.INT))).noDefault()
        .endRecord();
  }

  static FeatureGroupTarget group() {
    return new FeatureGroupTarget(NAME, 1, schema().toString(), List.of("user", "page"),
        "timestamp", true, "visits per user and page");
  }

  /** One row; {@code secondsAvg} null stands for a feature without a value. */
  static GenericRecord row(String user, String page, long windowEndMillis, long visits,
      Double secondsAvg, boolean mobile) {
    GenericRecord row = new GenericData.Record(schema());
    row.put("user", user);
    row.put("page", page);
    row.put("timestamp", windowEndMillis * 1000);
    row.put("visits", visits);
    row.put("seconds_avg", secondsAvg);
    row.put("mobile", mobile);
    row.put("order", (int) visits % 3);
    return row;
  }

  /** The row as the window engine hands it to a store: ";"-joined key, window end, Avro bytes. */
  static FeatureRecord record(GenericRecord row) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    try {
      new GenericDatumWriter<GenericRecord>(row.getSchema()).write(row, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FeatureRecord(row.get("user") + ";" + row.get("page"),
        (Long) row.get("timestamp") / 1000, bytes.toByteArray());
  }

  private static Schema nullable(Schema type) {
    return Schema.createUnion(Schema.create(Schema.Type.NULL), type);
  }
}
