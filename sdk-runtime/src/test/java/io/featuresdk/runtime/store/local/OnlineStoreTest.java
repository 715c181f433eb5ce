package io.featuresdk.runtime.store.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.FeatureRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed online table, its writer and {@link OnlineStoreReader}, without a Flink job. */
class OnlineStoreTest {
  private static final long FLUSH_INTERVAL_MILLIS = 200;
  private static final long T0 = 1_700_000_040_000L;

  @TempDir Path root;
  private final TestProcessingTimeService clock = new TestProcessingTimeService();

  private SinkWriter<FeatureRecord> writer() throws Exception {
    return new SqliteOnlineSink(root, PageVisits.group(), FLUSH_INTERVAL_MILLIS)
        .open(new UnregisteredMetricsGroup(), clock);
  }

  /** A connection as any JDBC tool opens it: through DriverManager and the JDBC URL. */
  private Connection plainJdbc() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + root.resolve("online.db"));
  }

  @Test
  void keysWhoseSemicolonJoinedFormsCollideStayDistinctRows() throws Exception {
    GenericRecord left = PageVisits.row("u9;x", "/p", T0, 1, 1.5, false);
    GenericRecord right = PageVisits.row("u9", "x;/p", T0, 2, 2.5, true);
    try (SinkWriter<FeatureRecord> writer = writer()) {
      writer.write(PageVisits.record(left), null);
      writer.write(PageVisits.record(right), null);
      writer.flush(false);
    }

    try (OnlineStoreReader reader = OnlineStoreReader.open(root)) {
      assertEquals(2, reader.countOnline(PageVisits.NAME, 1));
      assertEquals(List.of(right, left), reader.readOnlineRows(PageVisits.NAME, 1));
      assertEquals(left, reader.readOnline(PageVisits.NAME, 1, List.of("u9;x", "/p")).orElseThrow());
      assertEquals(right, reader.readOnline(PageVisits.NAME, 1, List.of("u9", "x;/p")).orElseThrow());
      IllegalArgumentException ambiguous = assertThrows(IllegalArgumentException.class,
          () -> reader.readOnline(PageVisits.NAME, 1, "u9;x;/p"));
      assertTrue(ambiguous.getMessage().contains("List.of"), ambiguous.getMessage());
      assertThrows(IllegalStateException.class, () -> reader.readOnline(PageVisits.NAME, 1));
    }
  }

  @Test
  void theReaderReturnsTheRowsTheJobWroteByJoinedKeyAndAsAMap() throws Exception {
    GenericRecord a = PageVisits.row("a", "/home", T0, 3, null, true);
    GenericRecord b = PageVisits.row("b", "/home", T0 + 60_000, 4, 9.25, false);
    try (SinkWriter<FeatureRecord> writer = writer()) {
      writer.write(PageVisits.record(a), null);
      writer.write(PageVisits.record(b), null);
      writer.flush(true);
    }

    try (LocalFeatureStoreReader reader = LocalFeatureStoreReader.open(root)) {
      assertEquals(a, reader.readOnline(PageVisits.NAME, 1, "a;/home").orElseThrow());
      assertNull(reader.readOnline(PageVisits.NAME, 1, "a;/home").orElseThrow().get("seconds_avg"));
      assertTrue(reader.readOnline(PageVisits.NAME, 1, "c;/home").isEmpty());
      assertEquals(Map.of("a;/home", a, "b;/home", b), reader.readOnline(PageVisits.NAME, 1));

      OnlineRow covered =
          reader.online().readOnlineRow(PageVisits.NAME, 1, List.of("b", "/home")).orElseThrow();
      assertEquals(b, covered.features());
      assertEquals((T0 + 60_000) * 1000, covered.windowEndMicros());
      assertEquals((T0 + 60_000 - 1) * 1000, covered.asOfMicros(), "final: up to end - 1 ms");
    }
  }

  @Test
  void everyKeyPartAndFeatureIsATypedColumnAPlainJdbcQueryReads() throws Exception {
    try (SinkWriter<FeatureRecord> writer = writer()) {
      writer.write(PageVisits.record(PageVisits.row("a", "/home", T0, 7, 12.5, true)), null);
      writer.flush(false);
    }

    String sql = "SELECT visits, seconds_avg, mobile, \"order\", \"timestamp\", window_end, as_of,"
        + " typeof(user), typeof(visits), typeof(seconds_avg), typeof(mobile)"
        + " FROM " + PageVisits.TABLE + " WHERE user = ? AND page = ?";
    try (Connection connection = plainJdbc();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, "a");
      query.setString(2, "/home");
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next());
        assertEquals(7, row.getLong("visits"));
        assertEquals(12.5, row.getDouble("seconds_avg"));
        assertEquals(1, row.getInt("mobile"));
        assertEquals(7 % 3, row.getInt("order"));
        assertEquals(T0 * 1000, row.getLong("timestamp"));
        assertEquals(T0 * 1000, row.getLong("window_end"));
        assertEquals((T0 - 1) * 1000, row.getLong("as_of"), "a final row includes up to end - 1 ms");
        assertEquals(List.of("text", "integer", "real", "integer"),
            List.of(row.getString(8), row.getString(9), row.getString(10), row.getString(11)));
      }
    }
  }

  @Test
  void theSqlite3CommandLineToolReadsTheTable() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new ProcessBuilder("sqlite3", "-version").start().waitFor() == 0, "sqlite3 not installed");
    try (SinkWriter<FeatureRecord> writer = writer()) {
      writer.write(PageVisits.record(PageVisits.row("a", "/home", T0, 7, 12.5, true)), null);
      writer.flush(false);
      Process cli = new ProcessBuilder("sqlite3", "-cmd", ".timeout 5000",
          root.resolve("online.db").toString(),
          "SELECT user, page, visits, seconds_avg FROM " + PageVisits.TABLE)
          .redirectErrorStream(true).start();
      String output = new String(cli.getInputStream().readAllBytes()).trim();
      assertEquals(0, cli.waitFor(), output);
      assertEquals("a|/home|7|12.5", output);
    }
  }

  @Test
  void pythonsSqlite3ModuleReadsTheTable() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new ProcessBuilder("python3", "--version").start().waitFor() == 0, "python3 not installed");
    try (SinkWriter<FeatureRecord> writer = writer()) {
      writer.write(PageVisits.record(PageVisits.row("a", "/home", T0, 7, 12.5, true)), null);
      writer.flush(false);
    }
    String script = "import sqlite3, sys\n"
        + "db = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True, timeout=5)\n"
        + "print(db.execute('SELECT seconds_avg, visits FROM " + PageVisits.TABLE
        + " WHERE user = ? AND page = ?', ('a', '/home')).fetchone())\n";
    Process python = new ProcessBuilder("python3", "-c", script, root.resolve("online.db").toString())
        .redirectErrorStream(true).start();
    String output = new String(python.getInputStream().readAllBytes()).trim();
    assertEquals(0, python.waitFor(), output);
    assertEquals("(12.5, 7)", output);
  }

  @Test
  void readersUseTheDocumentedBusyTimeoutAndDoNotWaitForAnOpenWriteTransaction() throws Exception {
    try (SinkWriter<FeatureRecord> writer = writer()) {
      writer.write(PageVisits.record(PageVisits.row("a", "/home", T0, 1, 1.0, true)), null);
      writer.flush(false);
    }
    try (Connection reader = OnlineCatalog.openReadOnly(root);
        Statement pragma = reader.createStatement();
        ResultSet timeout = pragma.executeQuery("PRAGMA busy_timeout")) {
      assertTrue(timeout.next());
      assertEquals(5_000, timeout.getInt(1));
    }
    try (Connection writing = OnlineCatalog.openForWriting(root);
        Statement statement = writing.createStatement();
        OnlineStoreReader reader = OnlineStoreReader.open(root)) {
      statement.execute("BEGIN IMMEDIATE");
      statement.execute("UPDATE " + PageVisits.TABLE + " SET visits = 99");
      // the write lock is held and the change uncommitted: the reader sees the last commit at once
      assertEquals(1L, reader.readOnline(PageVisits.NAME, 1, "a;/home").orElseThrow().get("visits"));
      statement.execute("ROLLBACK");
    }
  }

  @Test
  void rowsBecomeVisibleOneFlushIntervalAfterArrivalWithoutACheckpoint() throws Exception {
    try (SinkWriter<FeatureRecord> writer = writer();
        OnlineStoreReader reader = OnlineStoreReader.open(root)) {
      clock.setCurrentTime(1_000);
      writer.write(PageVisits.record(PageVisits.row("a", "/home", T0, 1, 1.0, true)), null);
      clock.setCurrentTime(1_000 + FLUSH_INTERVAL_MILLIS - 1);
      assertEquals(0, reader.countOnline(PageVisits.NAME, 1));
      clock.setCurrentTime(1_000 + FLUSH_INTERVAL_MILLIS);
      assertEquals(1, reader.countOnline(PageVisits.NAME, 1));

      writer.write(PageVisits.record(PageVisits.row("a", "/home", T0 + 60_000, 5, 1.0, true)), null);
      clock.setCurrentTime(1_000 + 2 * FLUSH_INTERVAL_MILLIS);
      assertEquals(5L, reader.readOnline(PageVisits.NAME, 1, "a;/home").orElseThrow().get("visits"));
    }
  }

  @Test
  void onRandomWriteOrdersAndFlushPointsEachKeyKeepsItsNewestWindow() throws Exception {
    Random random = new Random(11);
    List<GenericRecord> rows = randomRows(random, 400);
    try (SinkWriter<FeatureRecord> writer = writer()) {
      for (GenericRecord row : rows) {
        writer.write(PageVisits.record(row), null);
        if (random.nextInt(10) == 0) {
          writer.flush(false);
        }
      }
      writer.flush(true);
    }
    assertTableEquals(newestPerKey(rows));
  }

  @Test
  void aReplayAfterACrashLeavesTheTableAnUninterruptedRunLeaves() throws Exception {
    Random random = new Random(23);
    List<GenericRecord> rows = randomRows(random, 300);
    int checkpoint = 100;
    int crash = 220;
    try (SinkWriter<FeatureRecord> beforeCrash = writer()) {
      for (int i = 0; i < crash; i++) {
        beforeCrash.write(PageVisits.record(rows.get(i)), null);
        if (i == checkpoint - 1) {
          beforeCrash.flush(false);
        }
        clock.setCurrentTime(clock.getCurrentProcessingTime() + random.nextInt(100));
      }
    } // the crash: whatever the interval did not flush is lost with the writer
    Map<List<Object>, Long> windowEndsAtCrash = storedWindowEnds();

    try (SinkWriter<FeatureRecord> restored = writer()) {
      for (int i = checkpoint; i < rows.size(); i++) { // Flink replays from the checkpoint
        restored.write(PageVisits.record(rows.get(i)), null);
        clock.setCurrentTime(clock.getCurrentProcessingTime() + random.nextInt(100));
        storedWindowEnds().forEach((key, end) -> assertTrue(end >= windowEndsAtCrash.getOrDefault(key, 0L),
            "key " + key + " moved back in time during the replay"));
      }
      restored.flush(true);
    }
    assertTableEquals(newestPerKey(rows));
  }

  @Test
  void upsertIfNewerOrdersRowsByWindowEndThenAsOfAndEqualVersionsReplace() throws Exception {
    OnlineTable table = new OnlineTable(PageVisits.group());
    Random random = new Random(5);
    Map<String, long[]> newest = new TreeMap<>(); // user -> {window end, as-of, visits}
    try (Connection connection = OnlineCatalog.openForWriting(root)) {
      OnlineCatalog.register(connection, PageVisits.group());
      try (PreparedStatement upsert = connection.prepareStatement(table.upsertIfNewerSql())) {
        for (int visits = 0; visits < 500; visits++) {
          String user = "u" + random.nextInt(4);
          long end = T0 + 60_000L * random.nextInt(3);
          long asOf = end - 60_000 + 10_000L * random.nextInt(7);
          table.bindUpsert(upsert, PageVisits.row(user, "/", end, visits, null, false),
              end * 1000, asOf * 1000);
          upsert.executeUpdate();
          long[] kept = newest.get(user);
          if (kept == null || end > kept[0] || (end == kept[0] && asOf >= kept[1])) {
            newest.put(user, new long[] {end, asOf, visits});
          }
        }
      }
    }

    try (Connection connection = plainJdbc();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT user, window_end, as_of, visits FROM " + PageVisits.TABLE + " ORDER BY user")) {
      Map<String, List<Long>> actual = new TreeMap<>();
      while (rows.next()) {
        actual.put(rows.getString(1),
            List.of(rows.getLong(2) / 1000, rows.getLong(3) / 1000, rows.getLong(4)));
      }
      Map<String, List<Long>> expected = new TreeMap<>();
      newest.forEach((user, v) -> expected.put(user, List.of(v[0], v[1], v[2])));
      assertEquals(expected, actual);
    }
  }

  @Test
  void aFlushIntervalBelowOneMillisecondIsRejectedWithTheFix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> io.featuresdk.runtime.store.FeatureStores.local(root)
            .withOnlineFlushInterval(java.time.Duration.ZERO));
    assertTrue(e.getMessage().contains("withOnlineFlushInterval"), e.getMessage());
  }

  @Test
  void aFeatureNamedLikeABookkeepingColumnIsRejectedWithTheFix() {
    Schema schema = PageVisits.schema();
    String renamed = schema.toString().replace("\"seconds_avg\"", "\"as_of\"");
    FeatureGroupTarget group = new FeatureGroupTarget(PageVisits.NAME, 1, renamed,
        List.of("user", "page"), "timestamp", true, "");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new OnlineTable(group));
    assertTrue(e.getMessage().contains("'as_of' is reserved"), e.getMessage());
  }

  @Test
  void aTableOfAnotherLayoutIsRejectedWithTheFix() throws Exception {
    try (Connection connection = OnlineCatalog.openForWriting(root);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE " + PageVisits.TABLE
          + " (key TEXT PRIMARY KEY, event_time_micros INTEGER NOT NULL, value BLOB NOT NULL)");
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> OnlineCatalog.register(connection, PageVisits.group()));
      assertTrue(e.getMessage().contains("DROP TABLE " + PageVisits.TABLE), e.getMessage());
    }
  }

  /** Rows of 3 users x 2 pages over 6 windows, in random order, some windows written twice. */
  private static List<GenericRecord> randomRows(Random random, int count) {
    List<GenericRecord> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(PageVisits.row("u" + random.nextInt(3), "/p" + random.nextInt(2),
          T0 + 60_000L * random.nextInt(6), i, random.nextBoolean() ? null : i / 4.0,
          random.nextBoolean()));
    }
    return rows;
  }

  /** Brute force: per key the row with the latest window end, the later write among equals. */
  private static Map<List<Object>, GenericRecord> newestPerKey(List<GenericRecord> rows) {
    Map<List<Object>, GenericRecord> newest = new TreeMap<>(OnlineStoreTest::compareKeys);
    for (GenericRecord row : rows) {
      List<Object> key = List.of(row.get("user").toString(), row.get("page").toString());
      GenericRecord kept = newest.get(key);
      if (kept == null || (Long) row.get("timestamp") >= (Long) kept.get("timestamp")) {
        newest.put(key, row);
      }
    }
    return newest;
  }

  private static int compareKeys(List<Object> a, List<Object> b) {
    return (a.get(0) + "\0" + a.get(1)).compareTo(b.get(0) + "\0" + b.get(1));
  }

  private void assertTableEquals(Map<List<Object>, GenericRecord> expected) {
    try (OnlineStoreReader reader = OnlineStoreReader.open(root)) {
      assertEquals(new ArrayList<>(expected.values()), reader.readOnlineRows(PageVisits.NAME, 1));
    }
  }

  private Map<List<Object>, Long> storedWindowEnds() throws Exception {
    Map<List<Object>, Long> ends = new TreeMap<>(OnlineStoreTest::compareKeys);
    try (Connection connection = plainJdbc();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT user, page, window_end FROM " + PageVisits.TABLE)) {
      while (rows.next()) {
        ends.put(List.of(rows.getString(1), rows.getString(2)), rows.getLong(3));
      }
    }
    return ends;
  }
}
