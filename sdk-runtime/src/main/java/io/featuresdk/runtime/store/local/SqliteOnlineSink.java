package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.FeatureRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import io.featuresdk.runtime.flink.WriterInitContextSink;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * Keeps the latest row per primary key of one group in the local store's SQLite database, in the
 * group's typed online table ({@link OnlineTable}).
 *
 * <p>Rows are buffered (only the newest per key) and upserted in one transaction at most
 * {@code flushIntervalMillis} after the first of them arrived, and at every {@link SinkWriter#flush}
 * (before each checkpoint barrier and at the end of input). Writes need no checkpoint because the
 * upsert is idempotent: it keeps the stored row if that one is newer (later window end, then later
 * as-of time). After a failure Flink replays from the last checkpoint; the replayed rows are older
 * than or equal to what is stored, so once the replay has caught up the table is what an
 * uninterrupted run would have left.
 *
 * <p>Freshness is observable in the histogram {@value #FRESHNESS_METRIC} of each group's writer:
 * for every committed row that knows when its events arrived ({@link
 * FeatureRecord#arrivalMillis()}: the provisional rows, which are the first to show each event
 * online), the wall-clock time at commit minus the arrival time of the oldest event it newly
 * shows. A row that replaced others of its key before the flush keeps the oldest of their arrival
 * times, since it is what makes their events visible. So every sample bounds, from above, the
 * lag from an event's arrival at the window operator to its visibility online, whatever the
 * events' own timestamps (live, replayed or backfilled). Final rows add no sample: their events
 * were shown by provisional rows before, and with provisional rows off the histogram stays empty.
 */
final class SqliteOnlineSink extends WriterInitContextSink<FeatureRecord> {
  private static final long serialVersionUID = 1L;

  /** The histogram of milliseconds from its events' arrival to a row's commit (see the class comment). */
  static final String FRESHNESS_METRIC = "onlineFreshnessMillis";

  /** Samples the freshness histogram keeps, as Flink's own latency histograms. */
  private static final int FRESHNESS_WINDOW = 10_000;

  private final String root;
  private final FeatureGroupTarget group;
  private final long flushIntervalMillis;

  SqliteOnlineSink(Path root, FeatureGroupTarget group, long flushIntervalMillis) {
    if (flushIntervalMillis < 1) {
      throw new IllegalArgumentException(
          "online flush interval must be at least 1 ms, got " + flushIntervalMillis);
    }
    this.root = root.toAbsolutePath().toString();
    this.group = group;
    this.flushIntervalMillis = flushIntervalMillis;
  }

  @Override
  public SinkWriter<FeatureRecord> createWriter(WriterInitContext context) throws IOException {
    return open(context.metricGroup(), context.getProcessingTimeService());
  }

  /** Opens a writer reporting to {@code metrics} and flushing on {@code timers}. */
  SinkWriter<FeatureRecord> open(MetricGroup metrics, ProcessingTimeService timers)
      throws IOException {
    try {
      Connection connection = OnlineCatalog.openForWriting(Path.of(root));
      try {
        // Registered again here because on a cluster the client's registration may have gone
        // to another machine's disk.
        OnlineCatalog.register(connection, group);
        return new Writer(connection, new OnlineTable(group), timers, flushIntervalMillis,
            metrics.counter("onlineRowsUpserted"),
            metrics.histogram(FRESHNESS_METRIC, new DescriptiveStatisticsHistogram(FRESHNESS_WINDOW)));
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

  /**
   * A row waiting for the next flush, decoded once so its key and columns can be read, with the
   * arrival time of the oldest event it or a row it replaced newly shows.
   */
  private record PendingRow(
      GenericRecord row, long windowEndMicros, long asOfMicros, long arrivalMillis) {
    boolean isNewerOrEqual(PendingRow other) {
      return windowEndMicros != other.windowEndMicros
          ? windowEndMicros > other.windowEndMicros
          : asOfMicros >= other.asOfMicros;
    }

    /** The newer of the two rows, carrying the older of their known arrival times. */
    static PendingRow keep(PendingRow old, PendingRow now) {
      PendingRow kept = now.isNewerOrEqual(old) ? now : old;
      long arrival = oldestKnown(old.arrivalMillis, now.arrivalMillis);
      return arrival == kept.arrivalMillis
          ? kept
          : new PendingRow(kept.row, kept.windowEndMicros, kept.asOfMicros, arrival);
    }

    private static long oldestKnown(long a, long b) {
      if (a == FeatureRecord.UNKNOWN_ARRIVAL) {
        return b;
      }
      return b == FeatureRecord.UNKNOWN_ARRIVAL ? a : Math.min(a, b);
    }
  }

  private static final class Writer implements SinkWriter<FeatureRecord> {
    private final Connection connection;
    private final OnlineTable table;
    private final PreparedStatement upsert;
    private final ProcessingTimeService timers;
    private final long flushIntervalMillis;
    private final Counter upserted;
    private final Histogram freshness;
    private final GenericDatumReader<GenericRecord> reader;
    private BinaryDecoder decoder;
    /** Keyed by the typed key parts, so keys whose ";"-joined forms collide stay apart. */
    private final Map<List<Object>, PendingRow> pending = new HashMap<>();
    private boolean flushScheduled;
    private boolean closed;

    Writer(Connection connection, OnlineTable table, ProcessingTimeService timers,
        long flushIntervalMillis, Counter upserted, Histogram freshness) throws SQLException {
      this.connection = connection;
      this.table = table;
      this.upsert = connection.prepareStatement(table.upsertIfNewerSql());
      this.timers = timers;
      this.flushIntervalMillis = flushIntervalMillis;
      this.upserted = upserted;
      this.freshness = freshness;
      this.reader = new GenericDatumReader<>(table.schema());
    }

    @Override
    public void write(FeatureRecord record, Context context) throws IOException {
      decoder = DecoderFactory.get().binaryDecoder(record.value(), decoder);
      PendingRow row =
          new PendingRow(
              reader.read(null, decoder),
              OnlineRowCoverage.windowEndMicros(record),
              OnlineRowCoverage.asOfMicros(record),
              record.arrivalMillis());
      pending.merge(table.keyOf(row.row()), row, PendingRow::keep);
      if (!flushScheduled) {
        flushScheduled = true;
        // Timer callbacks run in the task's mailbox thread, never concurrently with write/flush.
        timers.registerTimer(
            timers.getCurrentProcessingTime() + flushIntervalMillis, time -> onFlushTimer());
      }
    }

    private void onFlushTimer() throws IOException {
      flushScheduled = false;
      if (!closed) {
        flush(false);
      }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      if (pending.isEmpty()) {
        return;
      }
      try {
        OnlineCatalog.inWriteTransaction(connection, () -> {
          for (PendingRow row : pending.values()) {
            table.bindUpsert(upsert, row.row(), row.windowEndMicros(), row.asOfMicros());
            upsert.addBatch();
          }
          upsert.executeBatch();
        });
        upserted.inc(pending.size());
        long committedMillis = System.currentTimeMillis();
        for (PendingRow row : pending.values()) {
          if (row.arrivalMillis() != FeatureRecord.UNKNOWN_ARRIVAL) {
            freshness.update(committedMillis - row.arrivalMillis());
          }
        }
        pending.clear();
      } catch (SQLException e) {
        throw new IOException(
            "cannot write " + pending.size() + " online rows to " + table.name(), e);
      }
    }

    @Override
    public void close() throws SQLException {
      closed = true;
      try (connection) {
        upsert.close();
      }
    }
  }
}
