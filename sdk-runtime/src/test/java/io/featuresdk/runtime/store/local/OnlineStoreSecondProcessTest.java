package io.featuresdk.runtime.store.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.store.FeatureRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another JVM reads the online table while this one holds it open for writing. */
class OnlineStoreSecondProcessTest {
  @TempDir Path root;

  @Test
  void aSecondJvmReadsTheRowsWrittenSoFarWhileTheWriterIsOpen() throws Exception {
    GenericRecord written = PageVisits.row("u9;x", "/p", 1_700_000_040_000L, 4, 0.5, true);
    try (SinkWriter<FeatureRecord> writer =
        new SqliteOnlineSink(root, PageVisits.group(), 200)
            .open(new UnregisteredMetricsGroup(), new TestProcessingTimeService())) {
      writer.write(PageVisits.record(written), null);
      writer.flush(false);
      writer.write(PageVisits.record(PageVisits.row("u9", "x;/p", 1_700_000_100_000L, 9, 1.0,
          false)), null); // buffered, not flushed: invisible to the other process

      assertEquals(written.toString(), lookup("u9;x", "/p"));
      assertEquals("none", lookup("u9", "x;/p"));
    }
  }

  private String lookup(String... key) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), OnlineLookupMain.class.getName(),
        root.toString(), PageVisits.NAME));
    command.addAll(List.of(key));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "reader process did not exit");
    assertEquals(0, process.exitValue(), output);
    return output.lines().reduce((first, second) -> second).orElse("").trim();
  }
}
