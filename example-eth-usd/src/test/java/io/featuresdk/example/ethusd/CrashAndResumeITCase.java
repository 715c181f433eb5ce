package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.featuresdk.runtime.recovery.DurableCheckpoints;
import io.featuresdk.runtime.spi.FeatureGroupInfo;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.local.LocalFeatureStoreReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of {@code java -jar} after a checkpoint committed rows, then the same command again: the
 * run resumes from the retained checkpoint and the store ends up exactly as after an uninterrupted
 * run, offline (every (key, window end) once, equal values) and online.
 */
class CrashAndResumeITCase {
  /** Long enough, with a checkpoint every 2 s, to kill the run with much of its input still unread. */
  private static final String[] OPTIONS = {"--hours", "12", "--checkpoint-interval", "2"};
  private static final Duration RUN_LIMIT = Duration.ofMinutes(4);
  private static final FeatureGroupInfo INFO = PriceFeatures_FeatureGroup.instance().info();
  private static final String FIRST_GROUP = INFO.groupName(INFO.windows().get(0));

  @TempDir Path work;

  @Test
  void aRunKilledAfterACheckpointResumesAndEndsExactlyAsAnUninterruptedRun() throws Exception {
    Path uninterrupted = work.resolve("uninterrupted");
    assertEquals(0, ExampleProcess.start(work, command(uninterrupted)).finish(RUN_LIMIT).exitCode());
    assertTrue(DurableCheckpoints.in(uninterrupted.resolve("checkpoints")).resumePoint().isEmpty(),
        "a run that finished leaves no checkpoint to resume from");

    Path crashed = work.resolve("crashed");
    String[] command = command(crashed);
    try (ExampleProcess first = ExampleProcess.start(work, command)) {
      awaitCommittedCheckpoint(first, crashed);
      first.killHard();
    }
    ExampleProcess.Result resumed = ExampleProcess.start(work, command).finish(RUN_LIMIT);

    assertEquals(0, resumed.exitCode(), resumed::toString);
    assertTrue(resumed.stdout().contains("Resuming from checkpoint "), resumed::toString);
    assertTrue(resumed.stdout().contains("Late events (dropped because all their windows had fired): "),
        resumed::toString);
    for (WindowSpec window : INFO.windows()) {
      String group = INFO.groupName(window);
      assertEquals(offline(uninterrupted, group), offline(crashed, group), group + " offline");
      assertEquals(online(uninterrupted, group), online(crashed, group), group + " online");
    }
  }

  private static String[] command(Path store) {
    List<String> command = new ArrayList<>(List.of(OPTIONS));
    command.addAll(List.of("--store", store.toString()));
    return command.toArray(String[]::new);
  }

  /**
   * Polls (this observes another process) until the store shows committed offline rows and a
   * complete checkpoint is retained, or fails after a deadline.
   */
  private static void awaitCommittedCheckpoint(ExampleProcess run, Path store) throws Exception {
    long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!run.isAlive()) {
        fail("the run ended before a checkpoint committed rows; make it longer:\n" + run.stdout());
      }
      if (DurableCheckpoints.in(store.resolve("checkpoints")).resumePoint().isPresent()
          && committedOfflineRows(store) > 0) {
        return;
      }
      Thread.sleep(200); // polling an external process, not timing the code under test
    }
    fail("no checkpoint with committed rows within " + RUN_LIMIT);
  }

  private static long committedOfflineRows(Path store) {
    if (!Files.isDirectory(store.resolve("offline"))) {
      return 0;
    }
    try (LocalFeatureStoreReader reader = LocalFeatureStoreReader.open(store)) {
      return reader.countOffline(FIRST_GROUP, INFO.version());
    } catch (RuntimeException e) {
      return 0; // the store is being created
    }
  }

  /** Offline rows by (key, window end); fails on a second row for the same pair. */
  private static Map<String, String> offline(Path store, String group) {
    Map<String, String> rows = new TreeMap<>();
    try (LocalFeatureStoreReader reader = LocalFeatureStoreReader.open(store)) {
      for (GenericRecord row : reader.readOffline(group, INFO.version())) {
        String id = row.get("ticker") + "@" + row.get("timestamp");
        String previous = rows.put(id, row.toString());
        if (previous != null) {
          fail(group + " in " + store + ": (key, window end) " + id + " twice:\n" + previous + "\n" + row);
        }
      }
    }
    return rows;
  }

  private static Map<String, String> online(Path store, String group) {
    Map<String, String> rows = new HashMap<>();
    try (LocalFeatureStoreReader reader = LocalFeatureStoreReader.open(store)) {
      reader.readOnline(group, INFO.version()).forEach((key, row) -> rows.put(key, row.toString()));
    }
    return rows;
  }
}
