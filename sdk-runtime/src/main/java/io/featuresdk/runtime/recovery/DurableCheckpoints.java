package io.featuresdk.runtime.recovery;

import io.featuresdk.runtime.flink.ClaimMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Checkpoints in a directory that outlives the process, so a crashed or cancelled run can be
 * resumed by running it again.
 *
 * <p>{@link #applyTo} makes the job write its checkpoints under {@link #directory()}
 * ({@code <dir>/<job id>/chk-<n>/}), keep them when the job fails or is cancelled (Flink's retained
 * checkpoints; a job that finishes normally removes its own), and, unless {@link #startFresh()} was
 * chosen, restore from the latest complete checkpoint found there. The resumed job takes ownership of
 * that checkpoint (Flink's {@code CLAIM} mode) and deletes it once a newer one completes, so the
 * directory does not grow with every run. A restore point given explicitly (for example
 * {@code flink run -s <path>}) wins over the latest checkpoint.
 *
 * <pre>{@code
 * env.enableCheckpointing(10_000);
 * DurableCheckpoints checkpoints = DurableCheckpoints.in(Path.of("feature-store/checkpoints"));
 * checkpoints.resumePoint().ifPresent(c -> System.out.println("resuming from " + c));
 * FeaturePipeline.of(definition).withDurableCheckpoints(checkpoints).fromSource(env, source, "ticker") ...
 * }</pre>
 *
 * <p>Checkpointing itself must be enabled ({@code env.enableCheckpointing}); this class only says
 * where checkpoints go and where to resume from. All processes of the job (on a cluster: the
 * JobManager and every TaskManager) must be able to read and write the directory.
 */
public final class DurableCheckpoints {
  private static final Pattern CHECKPOINT_DIR = Pattern.compile("chk-(\\d+)");
  private static final String METADATA = "_metadata";

  private final Path directory;
  private final boolean fresh;
  private Optional<RetainedCheckpoint> resumePoint;

  private DurableCheckpoints(Path directory, boolean fresh) {
    this.directory = directory.toAbsolutePath().normalize();
    this.fresh = fresh;
  }

  /** Checkpoints under {@code directory}, resuming from the latest complete one there. */
  public static DurableCheckpoints in(Path directory) {
    return new DurableCheckpoints(Objects.requireNonNull(directory, "directory"), false);
  }

  /**
   * Starts over instead of resuming: the checkpoints retained in the directory are deleted when
   * {@link #applyTo} runs, so a later resume cannot go back to them.
   */
  public DurableCheckpoints startFresh() {
    return new DurableCheckpoints(directory, true);
  }

  /** Where the checkpoints go. */
  public Path directory() {
    return directory;
  }

  /**
   * The checkpoint the job will resume from: the complete checkpoint (one with its
   * {@code _metadata}) written last in the directory, or empty for a fresh start. Looked up once;
   * {@link #applyTo} uses the same answer.
   */
  public synchronized Optional<RetainedCheckpoint> resumePoint() {
    if (resumePoint == null) {
      resumePoint = fresh ? Optional.empty() : latestComplete(directory);
    }
    return resumePoint;
  }

  /**
   * Configures {@code env}: checkpoint storage in the directory, retention on failure and cancel,
   * and the restore from {@link #resumePoint()} unless the environment already has a restore path.
   *
   * @throws FatalPipelineException if the directory cannot be created or written
   */
  public void applyTo(StreamExecutionEnvironment env) {
    if (fresh) {
      deleteRetained();
    }
    createWritable();
    Configuration configuration = new Configuration();
    configuration.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory.toUri().toString());
    configuration.set(
        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    boolean restoreGiven = env.getConfiguration().getOptional(StateRecoveryOptions.SAVEPOINT_PATH).isPresent();
    if (!restoreGiven) {
      resumePoint().ifPresent(checkpoint -> {
        configuration.set(StateRecoveryOptions.SAVEPOINT_PATH, checkpoint.path().toUri().toString());
        ClaimMode.claim(configuration);
      });
    }
    env.configure(configuration);
  }

  private void createWritable() {
    try {
      Files.createDirectories(directory);
      Path probe = Files.createTempFile(directory, ".write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new FatalPipelineException(
          "checkpoint directory " + directory + " is not writable (" + e + "); choose another one", e);
    }
  }

  private void deleteRetained() {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder())
          .filter(path -> !path.equals(directory))
          .forEach(DurableCheckpoints::delete);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the checkpoints in " + directory, e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the retained checkpoint file " + path, e);
    }
  }

  static Optional<RetainedCheckpoint> latestComplete(Path directory) {
    if (!Files.isDirectory(directory)) {
      return Optional.empty();
    }
    // <directory>/<job id>/chk-<n>/_metadata; a checkpoint without _metadata never completed.
    try (Stream<Path> jobs = Files.list(directory)) {
      return jobs.filter(Files::isDirectory)
          .flatMap(DurableCheckpoints::checkpointsOf)
          .max(Comparator.comparing(RetainedCheckpoint::completedAt)
              .thenComparingLong(RetainedCheckpoint::id));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the checkpoints in " + directory, e);
    }
  }

  private static Stream<RetainedCheckpoint> checkpointsOf(Path jobDirectory) {
    List<RetainedCheckpoint> complete = new ArrayList<>();
    try (Stream<Path> entries = Files.list(jobDirectory)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        Matcher name = CHECKPOINT_DIR.matcher(entry.getFileName().toString());
        Path metadata = entry.resolve(METADATA);
        if (name.matches() && Files.isRegularFile(metadata)) {
          complete.add(new RetainedCheckpoint(
              entry, Long.parseLong(name.group(1)), Files.getLastModifiedTime(metadata).toInstant()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the checkpoints in " + jobDirectory, e);
    }
    return complete.stream();
  }

  /**
   * A complete checkpoint kept in the directory.
   *
   * @param path the {@code chk-<n>} directory, what Flink restores from
   * @param id the checkpoint number {@code n}
   * @param completedAt when its metadata was written
   */
  public record RetainedCheckpoint(Path path, long id, Instant completedAt) {
    @Override
    public String toString() {
      return "checkpoint " + id + " of " + completedAt + " (" + path + ")";
    }
  }
}
