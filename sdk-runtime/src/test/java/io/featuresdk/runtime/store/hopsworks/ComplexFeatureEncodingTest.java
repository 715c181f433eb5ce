package io.featuresdk.runtime.store.hopsworks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.store.FeatureRecord;
import io.featuresdk.runtime.testing.ClickFeaturesCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/**
 * List features reach Hopsworks' topic as its clients write complex features (hsfs
 * {@code _encode_complex_features}): the field is {@code ["null", "bytes"]} holding the value
 * encoded alone with the field's registered {@code ["null", array]} type; other fields unchanged.
 */
class ComplexFeatureEncodingTest {
  private static final Schema PRICES =
      Schema.createUnion(Schema.create(Schema.Type.NULL),
          Schema.createArray(nullable(Schema.create(Schema.Type.DOUBLE))));
  private static final Schema SCHEMA = SchemaBuilder.record("recent_1").fields()
      .name("user").type(nullable(Schema.create(Schema.Type.STRING))).noDefault()
      .name("last_prices").type(PRICES).noDefault()
      .name("count").type(nullable(Schema.create(Schema.Type.LONG))).noDefault()
      .endRecord();

  private static Schema nullable(Schema type) {
    return Schema.createUnion(Schema.create(Schema.Type.NULL), type);
  }

  @Test
  void aListFieldTravelsAsTheBytesOfItsOwnEncoding() throws IOException {
    List<Double> prices = Arrays.asList(3001.5, null, 3002.25);
    byte[] plain = plainRow("a", prices, 7L);

    byte[] expected = hopsworksRow("a", encodeAlone(PRICES, prices), 7L);
    assertArrayEquals(expected,
        new ComplexFeatureEncoding(SCHEMA).map(new FeatureRecord("a", 60_000, plain)).value());
  }

  @Test
  void aNullListIsTheOneByteOfTheNullBranch() throws IOException {
    byte[] plain = plainRow("a", null, 7L);
    byte[] encoded = new ComplexFeatureEncoding(SCHEMA).encode(plain);
    assertArrayEquals(hopsworksRow("a", new byte[] {0}, 7L), encoded);
  }

  @Test
  void onlyGroupsWithComplexFeaturesAreReEncoded() {
    assertTrue(ComplexFeatureEncoding.hasComplexFeatures(SCHEMA));
    assertFalse(ComplexFeatureEncoding.hasComplexFeatures(
        new ClickFeaturesCodec().schema("clicks", 1)));
  }

  private static byte[] plainRow(String user, List<Double> prices, Long count) throws IOException {
    GenericRecord row = new GenericData.Record(SCHEMA);
    row.put("user", user);
    row.put("last_prices", prices);
    row.put("count", count);
    return write(SCHEMA, row);
  }

  /** The row as hsfs writes it: its writer schema with the list field as ["null", "bytes"]. */
  private static byte[] hopsworksRow(String user, byte[] prices, Long count) throws IOException {
    Schema writer = SchemaBuilder.record("recent_1").fields()
        .name("user").type(nullable(Schema.create(Schema.Type.STRING))).noDefault()
        .name("last_prices").type(nullable(Schema.create(Schema.Type.BYTES))).noDefault()
        .name("count").type(nullable(Schema.create(Schema.Type.LONG))).noDefault()
        .endRecord();
    GenericRecord row = new GenericData.Record(writer);
    row.put("user", user);
    row.put("last_prices", ByteBuffer.wrap(prices));
    row.put("count", count);
    return write(writer, row);
  }

  private static byte[] encodeAlone(Schema type, Object value) throws IOException {
    return write(type, value);
  }

  private static <T> byte[] write(Schema schema, T value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<T>(schema).write(value, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
