package io.featuresdk.runtime.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableCheckpointsTest {
  private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

  @TempDir Path dir;

  /** Lays out a checkpoint as Flink does: {@code <dir>/<job>/chk-<n>/_metadata}, complete or not. */
  private Path checkpoint(String job, long id, Instant completedAt, boolean complete) throws IOException {
    Path chk = Files.createDirectories(dir.resolve(job).resolve("chk-" + id));
    if (complete) {
      Path metadata = Files.writeString(chk.resolve("_metadata"), "x");
      Files.setLastModifiedTime(metadata, FileTime.from(completedAt));
    }
    return chk;
  }

  @Test
  void resumesFromTheLastCompletedCheckpointAcrossJobsIgnoringIncompleteOnes() throws IOException {
    checkpoint("job-a", 7, T0, true);
    Path latest = checkpoint("job-b", 8, T0.plusSeconds(30), true); // the run that resumed job-a
    checkpoint("job-b", 9, T0.plusSeconds(40), false);              // killed while writing it
    checkpoint("job-a", 6, T0.minusSeconds(10), true);

    Optional<DurableCheckpoints.RetainedCheckpoint> resume = DurableCheckpoints.in(dir).resumePoint();

    assertEquals(Optional.of(new DurableCheckpoints.RetainedCheckpoint(latest, 8, T0.plusSeconds(30))), resume);
  }

  @Test
  void anEmptyOrMissingDirectoryMeansAFreshStart() {
    assertEquals(Optional.empty(), DurableCheckpoints.in(dir).resumePoint());
    assertEquals(Optional.empty(), DurableCheckpoints.in(dir.resolve("absent")).resumePoint());
  }

  @Test
  void appliedToAnEnvironmentItStoresRetainsAndRestoresInClaimMode() throws IOException {
    Path latest = checkpoint("job", 3, T0, true);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

    DurableCheckpoints.in(dir).applyTo(env);

    Configuration config = Configuration.fromMap(env.getConfiguration().toMap());
    assertEquals(dir.toUri().toString(), config.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY));
    assertEquals(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION,
        config.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION));
    assertEquals(latest.toUri().toString(), config.get(StateRecoveryOptions.SAVEPOINT_PATH));
    // By name: the enum is RestoreMode on Flink 1.20 and RecoveryClaimMode on Flink 2.
    assertEquals("CLAIM", config.get(StateRecoveryOptions.RESTORE_MODE).name());
  }

  @Test
  void anExplicitRestorePathSuchAsFlinkRunMinusSWins() throws IOException {
    checkpoint("job", 3, T0, true);
    Configuration given = new Configuration();
    given.set(StateRecoveryOptions.SAVEPOINT_PATH, "file:///savepoints/sp-1");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(given);

    DurableCheckpoints.in(dir).applyTo(env);

    assertEquals("file:///savepoints/sp-1",
        Configuration.fromMap(env.getConfiguration().toMap()).get(StateRecoveryOptions.SAVEPOINT_PATH));
  }

  @Test
  void startingFreshRestoresNothingAndDeletesTheRetainedCheckpoints() throws IOException {
    Path old = checkpoint("job", 3, T0, true);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

    DurableCheckpoints fresh = DurableCheckpoints.in(dir).startFresh();
    fresh.applyTo(env);

    assertEquals(Optional.empty(), fresh.resumePoint());
    assertFalse(Files.exists(old));
    assertFalse(Configuration.fromMap(env.getConfiguration().toMap())
        .getOptional(StateRecoveryOptions.SAVEPOINT_PATH).isPresent());
    assertEquals(Optional.empty(), DurableCheckpoints.in(dir).resumePoint(), "nothing left to resume later");
  }

  @Test
  void anUnwritableDirectoryIsAFatalFailureNamingIt() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "not a directory");

    FatalPipelineException e = assertThrows(FatalPipelineException.class,
        () -> DurableCheckpoints.in(file.resolve("checkpoints")).applyTo(
            StreamExecutionEnvironment.getExecutionEnvironment()));

    assertTrue(e.getMessage().startsWith("checkpoint directory " + file.resolve("checkpoints")), e.getMessage());
  }
}
