package io.featuresdk.runtime.store.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.FeatureRecord;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickFeaturesCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store's writers and readers, without a Flink job. */
class LocalFeatureStoreTest {
  private static final ClickFeaturesCodec CODEC = new ClickFeaturesCodec();

  @TempDir Path root;

  private static FeatureGroupTarget target(String name, boolean online) {
    return new FeatureGroupTarget(name, 1, CODEC.schema(name, 1).toString(), List.of("user"),
        "window_end", online, "test group");
  }

  private static FeatureRecord record(String user, long windowEnd, long count) throws IOException {
    ClickFeatures row = new ClickFeatures();
    row.user = user;
    row.windowEnd = windowEnd;
    row.count = count;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    CODEC.encode(row, encoder);
    encoder.flush();
    return new FeatureRecord(CODEC.primaryKey(row), windowEnd, bytes.toByteArray());
  }

  private SinkWriter<FeatureRecord> onlineWriter(FeatureGroupTarget group) throws IOException {
    return new SqliteOnlineSink(root, group, 200).open(new UnregisteredMetricsGroup(), new TestProcessingTimeService());
  }

  @Test
  void onlineKeepsTheNewestRowPerKeyAndIgnoresReplaysOfOlderRows() throws Exception {
    FeatureGroupTarget group = target("clicks_10s", true);
    try (SinkWriter<FeatureRecord> writer = onlineWriter(group)) {
      writer.write(record("a", 20_000, 2), null);
      writer.write(record("b", 10_000, 1), null);
      writer.flush(false);
      writer.write(record("a", 10_000, 99), null); // replayed older window
      writer.flush(false);
      writer.write(record("b", 10_000, 7), null); // same window again: last write wins
      writer.flush(true);
    }

    try (LocalFeatureStoreReader reader = LocalFeatureStoreReader.open(root)) {
      assertEquals(2L, reader.readOnline("clicks_10s", 1, "a").orElseThrow().get("count"));
      assertEquals(20_000_000L, reader.readOnline("clicks_10s", 1, "a").orElseThrow().get("window_end"));
      assertEquals(7L, reader.readOnline("clicks_10s", 1, "b").orElseThrow().get("count"));
      assertTrue(reader.readOnline("clicks_10s", 1, "c").isEmpty());
    }
  }

  @Test
  void rowsAreInvisibleUntilFlushCommitsThem() throws Exception {
    FeatureGroupTarget group = target("clicks_10s", true);
    try (SinkWriter<FeatureRecord> writer = onlineWriter(group)) {
      writer.write(record("a", 20_000, 2), null);
      try (LocalFeatureStoreReader reader = LocalFeatureStoreReader.open(root)) {
        assertEquals(0, reader.countOnline("clicks_10s", 1));
        writer.flush(false);
        assertEquals(1, reader.countOnline("clicks_10s", 1));
      }
    }
  }

  @Test
  void registeringAnotherSchemaUnderTheSameVersionFails() throws Exception {
    try (Connection connection = OnlineCatalog.openForWriting(root)) {
      OnlineCatalog.register(connection, target("clicks_6s", true));
      FeatureGroupTarget changed =
          new FeatureGroupTarget("clicks_6s", 1, CODEC.schema("other", 1).toString(),
              List.of("user"), "window_end", true, "");

      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> OnlineCatalog.register(connection, changed));
      assertTrue(e.getMessage().contains("increase the version"), e.getMessage());
    }
  }

  @Test
  void readerOnAMissingStoreSaysWhatIsMissing() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LocalFeatureStoreReader.open(root));
    assertTrue(e.getMessage().contains("no local feature store"), e.getMessage());
  }

  @Test
  void cliPrintsUsageOnBadArguments() {
    for (String[] args :
        List.of(new String[0], new String[] {root.toString(), "--limit", "x"},
            new String[] {root.toString(), "--online"}, new String[] {root.toString(), "--bogus"})) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = LocalStoreCli.run(args, new PrintStream(new ByteArrayOutputStream()),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertEquals(2, status, String.join(" ", args));
      assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: LocalStoreCli"));
    }
  }

  @Test
  void cliListsGroupsWithRowCounts() throws Exception {
    FeatureGroupTarget group = target("clicks_10s", true);
    try (SinkWriter<FeatureRecord> writer = onlineWriter(group)) {
      writer.write(record("a", 20_000, 2), null);
      writer.write(record("b", 20_000, 2), null);
      writer.flush(true);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int status = LocalStoreCli.run(new String[] {root.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

    assertEquals(0, status);
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(2, lines.size(), lines.toString());
    assertEquals(List.of("clicks_10s", "1", "true", "0", "2"), List.of(lines.get(1).trim().split("\\s+")));
  }
}
