package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.store.FeatureRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;

/**
 * A small local store for the store page and chart tests, written through the store's own sinks as
 * a job would: {@code page_visits_1m} (online, two-part key) with {@link #VISITS} offline and the
 * latest row per key online, and {@code clicks_6s} (offline only). What a test expects is computed
 * from the rows written here, never from the code under test.
 */
public final class ViewedStore {
  /** The online group and its rows, keyed "user;page" in key order, each in event-time order. */
  public static final String VISITS_GROUP = PageVisits.NAME;
  /** The offline-only group. */
  public static final String CLICKS_GROUP = OfflineStoreFixture.GROUP;

  public static final Map<String, List<GenericRecord>> VISITS = visits();

  private ViewedStore() {}

  /** Writes both groups into {@code root}. */
  public static void write(Path root) throws Exception {
    try (Connection connection = OnlineCatalog.openForWriting(root)) {
      OnlineCatalog.register(connection, PageVisits.group());
    }
    List<GenericRecord> rows = new ArrayList<>();
    VISITS.values().forEach(rows::addAll);
    appendVisits(root, rows);
    new OfflineStoreFixture(root).run(List.of(
        OfflineStoreFixture.row("u1", 6_000, 1), OfflineStoreFixture.row("u2", 6_000, 4),
        OfflineStoreFixture.row("u1", 12_000, 2)));
  }

  /**
   * Writes more {@code page_visits_1m} rows as a running job would: offline in one committed
   * checkpoint, and online.
   */
  public static void appendVisits(Path root, List<GenericRecord> rows) throws Exception {
    List<FeatureRecord> records = rows.stream().map(PageVisits::record).toList();
    OfflineAvroSink offline = new OfflineAvroSink(
        Files.createDirectories(StoreLayout.offlineDir(root, PageVisits.NAME, 1)), PageVisits.group());
    try (CommittingSinkWriter<FeatureRecord, String> writer = offline.createWriter(0);
        Committer<String> committer = offline.createCommitter(null)) {
      for (FeatureRecord record : records) {
        writer.write(record, null);
      }
      writer.flush(false);
      committer.commit(OfflineStoreFixture.requests(writer.prepareCommit()));
    }
    try (SinkWriter<FeatureRecord> writer = new SqliteOnlineSink(root, PageVisits.group(), 200)
        .open(new UnregisteredMetricsGroup(), new TestProcessingTimeService())) {
      for (FeatureRecord record : records) {
        writer.write(record, null);
      }
      writer.flush(true);
    }
  }

  /** {@code count} rows of ann's /home for the minutes after those in {@link #VISITS}. */
  public static List<GenericRecord> laterVisits(int count) {
    List<GenericRecord> home = VISITS.get("ann;/home");
    long last = (Long) home.get(home.size() - 1).get("timestamp") / 1000;
    List<GenericRecord> later = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      later.add(PageVisits.row("ann", "/home", last + i * 60_000L, i, 20.0 + i, true));
    }
    return later;
  }

  /** The keys of {@link #VISITS}, each "user;page". */
  public static TreeSet<String> visitKeys() {
    return new TreeSet<>(VISITS.keySet());
  }

  /** Twelve minutes of one key with a gap in seconds_avg, five of another. */
  private static Map<String, List<GenericRecord>> visits() {
    Map<String, List<GenericRecord>> rows = new TreeMap<>();
    List<GenericRecord> home = new ArrayList<>();
    long start = 1_700_000_040_000L; // a whole minute
    for (int minute = 1; minute <= 12; minute++) {
      Double seconds = minute == 7 ? null : 10.0 + minute * minute % 11;
      home.add(PageVisits.row("ann", "/home", start + minute * 60_000L, minute % 5 + 1, seconds,
          minute % 2 == 0));
    }
    rows.put("ann;/home", home);
    List<GenericRecord> cart = new ArrayList<>();
    for (int minute = 3; minute <= 7; minute++) {
      cart.add(PageVisits.row("bob", "/cart", start + minute * 60_000L, 10L * minute, 2.5 * minute,
          false));
    }
    rows.put("bob;/cart", cart);
    return rows;
  }
}
