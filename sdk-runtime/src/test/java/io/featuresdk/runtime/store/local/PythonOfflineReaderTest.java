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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
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
