package io.featuresdk.runtime.store.hopsworks;

import io.featuresdk.runtime.store.FeatureRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Rewrites a row's Avro value the way Hopsworks' clients put complex features (arrays, the list
 * features of {@code @LastN}/{@code @FirstN}) on its Kafka topic: each such field becomes
 * {@code ["null", "bytes"]} holding the field's value Avro-encoded on its own with the field's
 * registered type (the {@code ["null", array]} union, so a null list is the one byte of branch
 * 0); the other fields stay as they are. Hopsworks' consumers decode complex features from these
 * bytes. Only groups with complex features pay for this; others go to Kafka unchanged.
 */
final class ComplexFeatureEncoding implements MapFunction<FeatureRecord, FeatureRecord> {
  private static final long serialVersionUID = 1L;

  private final String schemaJson;
  private transient Schema plain;
  private transient Schema encoded;
  private transient List<Integer> complex;
  private transient GenericDatumReader<GenericRecord> reader;
  private transient GenericDatumWriter<GenericRecord> writer;
  private transient List<GenericDatumWriter<Object>> fieldWriters;

  ComplexFeatureEncoding(Schema schema) {
    this.schemaJson = schema.toString();
  }

  /** Whether any field of {@code schema} is complex, i.e. needs this encoding. */
  static boolean hasComplexFeatures(Schema schema) {
    return !complexPositions(schema).isEmpty();
  }

  @Override
  public FeatureRecord map(FeatureRecord record) {
    // Hopsworks receives complete final rows only, so the row's other attributes are implied
    return new FeatureRecord(record.key(), record.eventTimeMillis(), encode(record.value()),
        record.complete());
  }

  /** The value in the encoded schema: complex fields as bytes of their own encoding. */
  byte[] encode(byte[] value) {
    if (plain == null) {
      plain = new Schema.Parser().parse(schemaJson);
      encoded = encodedSchema(plain);
      complex = complexPositions(plain);
      reader = new GenericDatumReader<>(plain);
      writer = new GenericDatumWriter<>(encoded);
      fieldWriters = new ArrayList<>();
      for (int position : complex) {
        fieldWriters.add(new GenericDatumWriter<>(plain.getFields().get(position).schema()));
      }
    }
    try {
      GenericRecord row = reader.read(null, DecoderFactory.get().binaryDecoder(value, null));
      GenericData.Record out = new GenericData.Record(encoded);
      for (Schema.Field field : plain.getFields()) {
        out.put(field.pos(), row.get(field.pos()));
      }
      for (int i = 0; i < complex.size(); i++) {
        int position = complex.get(i);
        out.put(position, ByteBuffer.wrap(bytes(fieldWriters.get(i), row.get(position))));
      }
      return bytes(writer, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot re-encode a row of " + plain.getFullName(), e);
    }
  }

  /** The schema Hopsworks' clients write with: complex fields replaced by {@code ["null", "bytes"]}. */
  static Schema encodedSchema(Schema plain) {
    List<Integer> complex = complexPositions(plain);
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : plain.getFields()) {
      Schema type = complex.contains(field.pos())
          ? Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.BYTES))
          : field.schema();
      fields.add(new Schema.Field(field.name(), type, field.doc(), (Object) null));
    }
    return Schema.createRecord(plain.getName(), plain.getDoc(), plain.getNamespace(), false, fields);
  }

  private static List<Integer> complexPositions(Schema schema) {
    List<Integer> positions = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      boolean isComplex = field.schema().getType() == Schema.Type.UNION
          ? field.schema().getTypes().stream().anyMatch(ComplexFeatureEncoding::isComplex)
          : isComplex(field.schema());
      if (isComplex) {
        positions.add(field.pos());
      }
    }
    return positions;
  }

  /** Hopsworks' complex feature types: array, struct (record), map. */
  private static boolean isComplex(Schema type) {
    return switch (type.getType()) {
      case ARRAY, RECORD, MAP -> true;
      default -> false;
    };
  }

  private static <T> byte[] bytes(GenericDatumWriter<T> writer, T value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    writer.write(value, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
