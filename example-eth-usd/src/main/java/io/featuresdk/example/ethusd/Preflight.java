package io.featuresdk.example.ethusd;

import io.featuresdk.runtime.recovery.FatalPipelineException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Checks what the command line points at before the job starts, so a mistake ends the run at once
 * with the flag to change instead of failing (and restarting) inside the job: directories the job
 * writes are writable, recordings to replay are readable gzip/JSON-lines files, and a Kafka broker
 * answers.
 */
final class Preflight {
  /** How long {@code --kafka} may take to answer before the run is refused. */
  static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

  private Preflight() {}

  /** Runs every check that applies to {@code options} and {@code storeChoice}. */
  static void check(PipelineOptions options, StoreChoice storeChoice) {
    if (storeChoice.local()) {
      writableDirectory(options.store(), "--store");
    }
    writableDirectory(options.checkpoints(), "--checkpoints");
    if (options.record() != null) {
      writableDirectory(options.record(), "--record");
    }
    if (options.replay() != null) {
      readableRecordings(options.replay());
    }
    if (storeChoice.kafka() != null) {
      kafkaAnswers(storeChoice.kafka(), KAFKA_TIMEOUT);
    }
  }

  /** Creates {@code directory} if needed and proves it writable with a probe file. */
  static void writableDirectory(Path directory, String flag) {
    try {
      Files.createDirectories(directory);
      Files.delete(Files.createTempFile(directory, ".write-check", ".tmp"));
    } catch (IOException | SecurityException e) {
      throw new FatalPipelineException(
          flag + " " + directory + ": cannot write there (" + reason(e) + "); choose a directory you can write");
    }
  }

  /**
   * Every recording in {@code directory} decompresses to its end: a corrupt or truncated gzip file
   * would otherwise fail the job each time it is read again after a restart.
   */
  static void readableRecordings(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new FatalPipelineException(
          "--replay " + directory + ": no such directory; give the directory --record wrote");
    }
    List<Path> recordings;
    try (Stream<Path> files = Files.list(directory)) {
      recordings = files.filter(Preflight::isRecording).sorted().toList();
    } catch (IOException e) {
      throw new FatalPipelineException("--replay " + directory + ": cannot list it (" + reason(e) + ")");
    }
    if (recordings.isEmpty()) {
      throw new FatalPipelineException(
          "--replay " + directory + ": no recordings (*.jsonl or *.jsonl.gz) in it; give the directory --record wrote");
    }
    byte[] buffer = new byte[64 * 1024];
    for (Path recording : recordings) {
      try (InputStream in = open(recording)) {
        while (in.read(buffer) >= 0) {
          // reading to the end is the check: gzip verifies its CRC and length at the end
        }
      } catch (IOException e) {
        throw new FatalPipelineException(
            "--replay: recording " + recording + " is unreadable or corrupt (" + reason(e)
                + "); move it out of " + directory + " or record it again");
      }
    }
  }

  private static boolean isRecording(Path file) {
    String name = file.getFileName().toString();
    return !name.startsWith(".") && (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz"));
  }

  private static InputStream open(Path recording) throws IOException {
    InputStream in = Files.newInputStream(recording);
    return recording.toString().endsWith(".gz") ? new GZIPInputStream(in, 64 * 1024) : in;
  }

  /** Asks the brokers at {@code bootstrap} for the cluster id within {@code timeout}. */
  static void kafkaAnswers(String bootstrap, Duration timeout) {
    Properties properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    try (Admin admin = Admin.create(properties)) {
      admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new FatalPipelineException(
          "--kafka " + bootstrap + ": no Kafka broker answered within " + timeout.toSeconds()
              + " s; start the broker or fix the address");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FatalPipelineException("--kafka " + bootstrap + ": interrupted while checking the broker");
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new FatalPipelineException("--kafka " + bootstrap + ": " + reason(e) + "; fix the address");
    }
  }

  private static String reason(Exception e) {
    return e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getClass().getSimpleName();
  }
}
