package io.featuresdk.runtime.store.local;

import static io.featuresdk.runtime.store.local.OfflineStoreFixture.GROUP;
import static io.featuresdk.runtime.store.local.OfflineStoreFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.featuresdk.runtime.testing.ClickFeatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented Python reader ({@code src/main/python/read_offline_store.py}, Apache Avro's
 * Python library) returns the same rows as the Java reader from a store the Java sink wrote,
 * overlapping rewrites included. Skipped without Python and its Avro library, except in CI
 * ({@code CI=true}), which installs Debian's {@code python3-avro}.
 */
class PythonOfflineReaderTest {
  private static final Path SCRIPT = Path.of("src/main/python/read_offline_store.py");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

  @TempDir Path root;

  @Test
  void pythonReaderResolvesRewritesLikeTheJavaReader() throws Exception {
    String python = pythonWithAvro();
    OfflineStoreFixture store = new OfflineStoreFixture(root);
    Random random = new Random(5);
    for (int run = 0; run < 4; run++) {
      List<ClickFeatures> rows = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        rows.add(row("u" + random.nextInt(3), 6_000L * random.nextInt(8), random.nextInt(500)));
      }
      store.run(rows.subList(0, 25), rows.subList(25, 50));
    }

    Set<JsonNode> fromJava = new HashSet<>();
    List<GenericRecord> javaRows = OfflineStoreReader.open(root).read(GROUP, 1);
    javaRows.forEach(row -> fromJava.add(json(row)));
    List<String> pythonLines = runPython(python, root.toString(), GROUP, "1");
    Set<JsonNode> fromPython = new HashSet<>();
    for (String line : pythonLines) {
      fromPython.add(JSON.readTree(line));
    }

    assertTrue(javaRows.size() < 200 && javaRows.size() > 3, "rewrites collapsed: " + javaRows.size());
    assertEquals(javaRows.size(), pythonLines.size());
    assertEquals(fromJava, fromPython);
  }

  @Test
  void pythonReaderReturnsListFeaturesAsTheJavaReaderDoes() throws Exception {
    String python = pythonWithAvro();
    Schema micros = LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
    Schema prices = Schema.createArray(nullable(Schema.create(Schema.Type.DOUBLE)));
    Schema bands = Schema.createArray(nullable(Schema.create(Schema.Type.STRING)));
    Schema schema = SchemaBuilder.record("recent_10s_1").fields()
        .name("ticker").type(nullable(Schema.create(Schema.Type.STRING))).noDefault()
        .name("timestamp").type(nullable(micros)).noDefault()
        .name("last_prices").type(nullable(prices)).noDefault()
        .name("last_bands").type(nullable(bands)).noDefault()
        .endRecord();
    Path dir = StoreLayout.offlineDir(root, "recent_10s", 1);
    Files.createDirectories(dir);
    try (DataFileWriter<GenericRecord> file =
        new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
      file.setMeta(OfflineFiles.PRIMARY_KEY_META, "ticker");
      file.setMeta(OfflineFiles.EVENT_TIME_META, "timestamp");
      file.create(schema, dir.resolve(OfflineFiles.committedName(1, "r", 0, 0)).toFile());
      for (int i = 0; i < 3; i++) {
        GenericRecord row = new GenericData.Record(schema);
        row.put("ticker", "ETH-USD");
        row.put("timestamp", 10_000_000L * i);
        row.put("last_prices", i == 1 ? null : Arrays.asList(3001.5 + i, null, 3002.25));
        row.put("last_bands", List.of("band" + i, "band300"));
        file.append(row);
      }
    }

    Set<JsonNode> fromJava = new HashSet<>();
    for (GenericRecord row : OfflineStoreReader.open(root).read("recent_10s", 1)) {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.put("ticker", row.get("ticker").toString());
      node.put("timestamp", (Long) row.get("timestamp"));
      node.set("last_prices", JSON.valueToTree(row.get("last_prices")));
      List<String> texts = new ArrayList<>();
      ((List<?>) row.get("last_bands")).forEach(band -> texts.add(band.toString()));
      node.set("last_bands", JSON.valueToTree(texts));
      fromJava.add(node);
    }
    Set<JsonNode> fromPython = new HashSet<>();
    for (String line : runPython(python, root.toString(), "recent_10s", "1")) {
      fromPython.add(JSON.readTree(line));
    }
    assertEquals(3, fromJava.size());
    assertEquals(fromJava, fromPython);
  }

  private static Schema nullable(Schema type) {
    return Schema.createUnion(Schema.create(Schema.Type.NULL), type);
  }

  private static ObjectNode json(GenericRecord row) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    for (Schema.Field field : row.getSchema().getFields()) {
      Object value = row.get(field.pos());
      if (value == null) {
        node.putNull(field.name());
      } else if (value instanceof Long number) {
        node.put(field.name(), number);
      } else if (value instanceof Double number) {
        node.put(field.name(), number);
      } else {
        node.put(field.name(), value.toString());
      }
    }
    return node;
  }

  private static List<String> runPython(String python, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(python, SCRIPT.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      fail(String.join(" ", command) + " failed:\n" + new String(output, StandardCharsets.UTF_8));
    }
    return new String(output, StandardCharsets.UTF_8).lines().toList();
  }

  /** Debian's python3-avro is for the system Python, which may not be first on the PATH. */
  private static String pythonWithAvro() {
    assertTrue(Files.isRegularFile(SCRIPT), SCRIPT.toAbsolutePath() + " is missing");
    Optional<String> found =
        List.of("/usr/bin/python3", "python3").stream().filter(PythonOfflineReaderTest::hasAvro).findFirst();
    if (found.isEmpty()) {
      String hint = "no python3 with Apache Avro's library (apt-get install -y python3-avro)";
      if ("true".equals(System.getenv("CI"))) {
        fail(hint + "; CI must run this test");
      }
      Assumptions.abort(hint);
    }
    return found.get();
  }

  private static boolean hasAvro(String python) {
    try {
      Process process = new ProcessBuilder(python, "-c", "import avro.datafile, avro.io")
          .redirectErrorStream(true)
          .start();
      process.getInputStream().readAllBytes();
      return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
