package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.FeatureRecord;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickFeaturesCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;

/**
 * Drives the offline sink's writer and committer as Flink would around checkpoints, without a job:
 * {@link #run} is one run of a job over a list of rows, one checkpoint per batch.
 */
final class OfflineStoreFixture {
  static final ClickFeaturesCodec CODEC = new ClickFeaturesCodec();
  static final String GROUP = "clicks_6s";

  private final Path root;
  private final FeatureGroupTarget group;

  OfflineStoreFixture(Path root) throws SQLException {
    this.root = root;
    this.group = new FeatureGroupTarget(GROUP, 1, CODEC.schema(GROUP, 1).toString(),
        List.of("user"), "window_end", false, "test group");
    try (Connection connection = OnlineCatalog.openForWriting(root)) {
      OnlineCatalog.register(connection, group);
    }
  }

  Path groupDir() {
    return StoreLayout.offlineDir(root, GROUP, 1);
  }

  static ClickFeatures row(String user, long windowEnd, long count) {
    ClickFeatures row = new ClickFeatures();
    row.user = user;
    row.windowEnd = windowEnd;
    row.count = count;
    row.sum = count * 1.5;
    row.min = -count;
    row.max = count + 0.25;
    return row;
  }

  static FeatureRecord record(ClickFeatures row) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    CODEC.encode(row, encoder);
    encoder.flush();
    return new FeatureRecord(CODEC.primaryKey(row), row.windowEnd, bytes.toByteArray());
  }

  OfflineAvroSink sink() throws IOException {
    return new OfflineAvroSink(Files.createDirectories(groupDir()), group);
  }

  /** Writes each batch, then checkpoints (flush + prepareCommit) and commits it. */
  @SafeVarargs
  final void run(List<ClickFeatures>... checkpoints) throws Exception {
    run(List.of(checkpoints));
  }

  void run(List<List<ClickFeatures>> checkpoints) throws Exception {
    OfflineAvroSink sink = sink();
    try (CommittingSinkWriter<FeatureRecord, String> writer = sink.createWriter(0);
        Committer<String> committer = sink.createCommitter(null)) {
      for (List<ClickFeatures> batch : checkpoints) {
        write(writer, batch);
        writer.flush(false);
        committer.commit(requests(writer.prepareCommit()));
      }
    }
  }

  static void write(CommittingSinkWriter<FeatureRecord, String> writer, List<ClickFeatures> rows)
      throws Exception {
    for (ClickFeatures row : rows) {
      writer.write(record(row), null);
    }
  }

  static List<Committer.CommitRequest<String>> requests(Collection<String> committables) {
    List<Committer.CommitRequest<String>> requests = new ArrayList<>();
    committables.forEach(c -> requests.add(new Request(c)));
    return requests;
  }

  /** Records what the committer signalled, as Flink's commit request would act on it. */
  static final class Request implements Committer.CommitRequest<String> {
    final String committable;
    String outcome = "committed";

    Request(String committable) {
      this.committable = committable;
    }

    @Override
    public String getCommittable() {
      return committable;
    }

    @Override
    public int getNumberOfRetries() {
      return 0;
    }

    @Override
    public void signalFailedWithKnownReason(Throwable t) {
      outcome = "failed: " + t.getMessage();
    }

    @Override
    public void signalFailedWithUnknownReason(Throwable t) {
      outcome = "failed unexpectedly: " + t;
    }

    @Override
    public void retryLater() {
      outcome = "retry";
    }

    @Override
    public void updateAndRetryLater(String committable) {
      outcome = "retry";
    }

    @Override
    public void signalAlreadyCommitted() {
      outcome = "already committed";
    }
  }
}
