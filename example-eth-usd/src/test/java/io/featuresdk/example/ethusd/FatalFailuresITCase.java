package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fatal cause ends {@code java -jar} within 30 s with exit code 1 and one line that names the
 * cause and the flag to change: no stack trace, no restart loop.
 */
class FatalFailuresITCase {
  private static final Duration LIMIT = Duration.ofSeconds(30);

  @TempDir Path work;

  private ExampleProcess.Result run(Map<String, String> environment, String... args) throws Exception {
    try (ExampleProcess example = ExampleProcess.start(work, environment, args)) {
      return example.finish(LIMIT.plusSeconds(30));
    }
  }

  /** Exit 1 within the limit, exactly one error line containing {@code expected}, no stack trace. */
  private static void assertFatal(ExampleProcess.Result result, String expected) {
    assertEquals(1, result.exitCode(), result::toString);
    assertTrue(result.elapsed().compareTo(LIMIT) < 0, () -> "took " + result.elapsed() + "\n" + result);
    assertEquals(1, result.errorLines().size(), result::toString);
    assertTrue(result.errorLines().get(0).contains(expected), result::toString);
    assertFalse(result.stderr().contains("Exception in thread"), result::toString);
    assertFalse(result.stderr().contains("\tat "), result::toString);
  }

  private String store() {
    return work.resolve("store").toString();
  }

  @Test
  void anHourCountThatWouldOverflowIsRefusedBeforeAnythingStarts() throws Exception {
    assertFatal(run(Map.of(), "--hours", "2147483647", "--store", store()),
        "--hours must be a whole number from 1 to " + PipelineOptions.MAX_HOURS + ", got 2147483647");
  }

  @Test
  void recordingIntoAPlaceThatCannotBeWrittenNamesTheFlag() throws Exception {
    Path file = Files.writeString(work.resolve("a-file"), "not a directory");

    assertFatal(run(Map.of(), "--record", file.resolve("rec").toString(), "--store", store()),
        "--record " + file.resolve("rec") + ": cannot write there");
  }

  @Test
  void aCorruptRecordingInTheReplayIsNamedWithTheFile() throws Exception {
    Path recordings = Files.createDirectories(work.resolve("recordings"));
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(gzip)) {
      out.write("{\"received_us\":1,\"message\":\"{}\"}\n".repeat(1000).getBytes(StandardCharsets.UTF_8));
    }
    byte[] truncated = Arrays.copyOf(gzip.toByteArray(), gzip.size() / 2); // a crash mid-write
    Path corrupt = Files.write(recordings.resolve("coinbase-20261130T120000Z-subtask0-0.jsonl.gz"), truncated);

    assertFatal(run(Map.of(), "--replay", recordings.toString(), "--store", store()),
        "--replay: recording " + corrupt + " is unreadable or corrupt");
  }

  @Test
  void aKafkaBrokerThatDoesNotAnswerIsRefusedBeforeTheJobStarts() throws Exception {
    assertFatal(run(Map.of(), "--kafka", "127.0.0.1:" + closedPort(), "--store", store()),
        "no Kafka broker answered within " + Preflight.KAFKA_TIMEOUT.toSeconds() + " s");
  }

  @Test
  void anUnreachableHopsworksIsOneLine() throws Exception {
    int port = closedPort();
    assertFatal(
        run(Map.of("HOPSWORKS_API_KEY", "secret-key-never-printed"),
            "--hopsworks", "127.0.0.1:" + port, "--project", "demo", "--store", store()),
        "cannot reach Hopsworks at https://127.0.0.1:" + port);
  }

  @Test
  void aSubscriptionTheFeedRejectsEndsTheJobWithCoinbasesReason() throws Exception {
    ExampleProcess.Result result = run(Map.of(), "--products", "XYZ-USD", "--hours", "1", "--store", store());

    assertFatal(result, "XYZ-USD is not a valid product");
    assertTrue(result.errorLines().get(0).endsWith("; check --products"), result::toString);
    assertTrue(result.stderr().contains("WARN  task failed: Source: coinbase ticker"),
        () -> "the failed task is on the console:\n" + result);
    assertFalse(result.stderr().contains("#1 "), () -> "a fatal failure was restarted:\n" + result);
  }

  /** A port nobody listens on: bound and released at once. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
