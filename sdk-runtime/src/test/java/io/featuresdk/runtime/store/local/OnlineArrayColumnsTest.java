package io.featuresdk.runtime.store.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.FeatureRecord;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * List features ({@code @LastN}/{@code @FirstN}: Avro arrays of {@code ["null", T]} items) in the
 * online table: a JSON text column that plain SQL and Python read, and that the reader turns back
 * into the row the job wrote.
 */
class OnlineArrayColumnsTest {
  private static final String NAME = "recent_10s";
  private static final String TABLE = "fg_recent_10s_v1";
  private static final long T0 = 1_700_000_040_000L;

  @TempDir Path root;

  private static Schema schema() {
    Schema micros = LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
    return SchemaBuilder.record(NAME + "_1").fields()
        .name("user").type(nullable(Schema.create(Schema.Type.STRING))).noDefault()
        .name("timestamp").type(nullable(micros)).noDefault()
        .name("last_prices").type(nullable(array(Schema.Type.DOUBLE))).noDefault()
        .name("last_bands").type(nullable(array(Schema.Type.STRING))).noDefault()
        .name("first_sides").type(nullable(array(Schema.Type.BOOLEAN))).noDefault()
        .name("first_ids").type(nullable(array(Schema.Type.LONG))).noDefault()
        .name("last_ratios").type(nullable(array(Schema.Type.FLOAT))).noDefault()
        .endRecord();
  }

  private static Schema array(Schema.Type element) {
    return Schema.createArray(nullable(Schema.create(element)));
  }

  private static Schema nullable(Schema type) {
    return Schema.createUnion(Schema.create(Schema.Type.NULL), type);
  }

  private GenericRecord row() {
    GenericRecord row = new GenericData.Record(schema());
    row.put("user", "a");
    row.put("timestamp", T0 * 1000);
    row.put("last_prices", Arrays.asList(3001.5, null, 1e-7, Double.NaN, 3002.25));
    row.put("last_bands", List.of("band300", "quote \" and \\ slash"));
    row.put("first_sides", List.of(true, false));
    row.put("first_ids", List.of(Long.MAX_VALUE, -1L));
    row.put("last_ratios", List.of(0.1f, Float.NEGATIVE_INFINITY));
    return row;
  }

  private void write(GenericRecord row) throws Exception {
    FeatureGroupTarget group = new FeatureGroupTarget(NAME, 1, schema().toString(),
        List.of("user"), "timestamp", true, "recent values");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(row.getSchema()).write(row, encoder);
    encoder.flush();
    try (SinkWriter<FeatureRecord> writer = new SqliteOnlineSink(root, group, 200)
        .open(new UnregisteredMetricsGroup(), new TestProcessingTimeService())) {
      writer.write(new FeatureRecord("a", T0, bytes.toByteArray()), null);
      writer.flush(false);
    }
  }

  @Test
  void theReaderReturnsTheListsTheJobWrote() throws Exception {
    GenericRecord row = row();
    write(row);
    try (OnlineStoreReader reader = OnlineStoreReader.open(root)) {
      GenericRecord read = reader.readOnline(NAME, 1, "a").orElseThrow();
      assertEquals(row, read);
      assertEquals("{\"user\": \"a\", \"timestamp\": \"2023-11-14T22:14:00Z\", \"last_prices\":"
          + " [3001.5, null, 1.0E-7, \"NaN\", 3002.25], \"last_bands\": [\"band300\","
          + " \"quote \\\" and \\\\ slash\"], \"first_sides\": [true, false], \"first_ids\":"
          + " [9223372036854775807, -1], \"last_ratios\": [0.1, \"-Infinity\"]}",
          RowJson.format(read));
    }
  }

  @Test
  void aListIsAJsonTextColumnThatSqlReads() throws Exception {
    write(row());
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("online.db"));
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT typeof(last_prices), last_prices,"
            + " json_extract(last_prices, '$[4]'), json_array_length(last_bands), first_ids"
            + " FROM " + TABLE + " WHERE user = 'a'")) {
      assertTrue(result.next());
      assertEquals("text", result.getString(1));
      assertEquals("[3001.5,null,1.0E-7,\"NaN\",3002.25]", result.getString(2));
      assertEquals(3002.25, result.getDouble(3));
      assertEquals(2, result.getInt(4));
      assertEquals("[9223372036854775807,-1]", result.getString(5));
    }
  }

  @Test
  void pythonsJsonModuleParsesTheColumn() throws Exception {
    Assumptions.assumeTrue(
        new ProcessBuilder("python3", "--version").start().waitFor() == 0, "python3 not installed");
    write(row());
    String script = "import json, sqlite3, sys\n"
        + "db = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True, timeout=5)\n"
        + "(prices, bands) = db.execute('SELECT last_prices, last_bands FROM " + TABLE
        + "').fetchone()\n"
        + "print(json.loads(prices)[0], json.loads(prices)[1], json.loads(bands)[1])\n";
    Process python = new ProcessBuilder("python3", "-c", script, root.resolve("online.db").toString())
        .redirectErrorStream(true).start();
    String output = new String(python.getInputStream().readAllBytes()).trim();
    assertEquals(0, python.waitFor(), output);
    assertEquals("3001.5 None quote \" and \\ slash", output);
  }
}
