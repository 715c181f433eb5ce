package io.featuresdk.runtime.store.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import org.apache.flink.api.connector.sink2.Committer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes closed offline files visible by renaming them from their hidden name. Idempotent, because
 * Flink retries the committables of a checkpoint after a restore without knowing whether the
 * rename already happened.
 */
final class OfflineFileCommitter implements Committer<String> {
  private static final Logger LOG = LoggerFactory.getLogger(OfflineFileCommitter.class);

  @Override
  public void commit(Collection<CommitRequest<String>> requests) throws IOException {
    for (CommitRequest<String> request : requests) {
      Path committed = Path.of(request.getCommittable());
      if (Files.exists(committed)) {
        request.signalAlreadyCommitted();
        continue;
      }
      try {
        Files.move(OfflineFiles.hidden(committed), committed, StandardCopyOption.ATOMIC_MOVE);
      } catch (NoSuchFileException e) {
        // Retrying cannot bring the file back; failing would fail every restore of this job.
        String message =
            "offline file " + OfflineFiles.hidden(committed) + " of a completed checkpoint is "
                + "gone (deleted with LocalStoreCli --in-progress --delete while the job could still "
                + "resume?); its rows are missing from the offline store: rerun that time range";
        LOG.error(message);
        request.signalFailedWithKnownReason(new IOException(message, e));
      }
    }
  }

  @Override
  public void close() {}
}
