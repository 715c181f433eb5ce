package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.FeatureRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Keeps the latest row per primary key of one group in the local store's SQLite database.
 *
 * <p>Rows are buffered (only the newest per key) and upserted in one transaction per
 * {@link SinkWriter#flush}, which Flink calls before every checkpoint barrier and at the end of
 * input. Rows emitted after the last checkpoint are re-emitted on recovery; the upsert keeps the
 * row with the larger event time, so the replay leaves the table as if it never happened.
 */
final class SqliteOnlineSink implements Sink<FeatureRecord> {
  private static final long serialVersionUID = 1L;

  private final String root;
  private final FeatureGroupTarget group;

  SqliteOnlineSink(Path root, FeatureGroupTarget group) {
    this.root = root.toAbsolutePath().toString();
    this.group = group;
  }

  @Override
  public SinkWriter<FeatureRecord> createWriter(WriterInitContext context) throws IOException {
    return open(context.metricGroup());
  }

  /** Flink 1.x requires this variant; delete it when moving to Flink 2.x. */
  @Deprecated
  @Override
  public SinkWriter<FeatureRecord> createWriter(InitContext context) throws IOException {
    return open(context.metricGroup());
  }

  /** Opens a writer reporting to {@code metrics}; package-private for tests. */
  SinkWriter<FeatureRecord> open(MetricGroup metrics) throws IOException {
    try {
      Connection connection = OnlineCatalog.openForWriting(Path.of(root));
      try {
        // Registered again here because on a cluster the client's registration may have gone
        // to another machine's disk.
        OnlineCatalog.register(connection, group);
        return new Writer(connection, group, metrics.counter("onlineRowsUpserted"));
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new IOException(
          "cannot open the online store " + StoreLayout.onlineDb(Path.of(root)) + " for group "
              + group.name() + " v" + group.version(), e);
    }
  }

  private static final class Writer implements SinkWriter<FeatureRecord> {
    private final Connection connection;
    private final PreparedStatement upsert;
    private final Counter upserted;
    private final Map<String, FeatureRecord> pending = new HashMap<>();

    Writer(Connection connection, FeatureGroupTarget group, Counter upserted)
        throws SQLException {
      this.connection = connection;
      this.upsert = connection.prepareStatement(
          OnlineCatalog.upsertIfNewer(group.name(), group.version()));
      this.upserted = upserted;
    }

    @Override
    public void write(FeatureRecord record, Context context) {
      pending.merge(
          record.key(),
          record,
          (old, now) -> now.eventTimeMillis() >= old.eventTimeMillis() ? now : old);
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      if (pending.isEmpty()) {
        return;
      }
      try {
        OnlineCatalog.inWriteTransaction(connection, () -> {
          for (FeatureRecord record : pending.values()) {
            upsert.setString(1, record.key());
            upsert.setLong(2, Math.multiplyExact(record.eventTimeMillis(), 1000L));
            upsert.setBytes(3, record.value());
            upsert.addBatch();
          }
          upsert.executeBatch();
        });
        upserted.inc(pending.size());
        pending.clear();
      } catch (SQLException e) {
        throw new IOException("cannot write " + pending.size() + " online rows", e);
      }
    }

    @Override
    public void close() throws SQLException {
      try (connection) {
        upsert.close();
      }
    }
  }
}
