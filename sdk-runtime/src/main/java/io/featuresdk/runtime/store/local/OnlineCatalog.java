package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.store.FeatureGroupTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite side of the local store: connections, the {@code feature_groups} catalog and the
 * per-group online tables. All SQL of the local store lives here.
 */
final class OnlineCatalog {
  /** Writers of several subtasks and groups share one file; SQLite serializes them with locks. */
  private static final int BUSY_TIMEOUT_MILLIS = 60_000;

  private static final String CREATE_CATALOG =
      "CREATE TABLE IF NOT EXISTS feature_groups ("
          + " name TEXT NOT NULL, version INTEGER NOT NULL, schema_json TEXT NOT NULL,"
          + " primary_key TEXT NOT NULL, event_time_feature TEXT NOT NULL,"
          + " online INTEGER NOT NULL, description TEXT NOT NULL,"
          + " PRIMARY KEY (name, version))";

  private OnlineCatalog() {}

  static Connection openForWriting(Path root) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    return DriverManager.getConnection(url(root), config.toProperties());
  }

  static Connection openReadOnly(Path root) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    return DriverManager.getConnection(url(root), config.toProperties());
  }

  private static String url(Path root) {
    return "jdbc:sqlite:" + StoreLayout.onlineDb(root).toAbsolutePath();
  }

  /**
   * Records {@code group} in the catalog and creates its online table if it is online. Idempotent;
   * fails if the same name and version is already registered with another schema.
   */
  static void register(Connection connection, FeatureGroupTarget group) throws SQLException {
    inWriteTransaction(connection, () -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute(CREATE_CATALOG);
        Optional<FeatureGroupTarget> existing = find(connection, group.name(), group.version());
        if (existing.isPresent() && !existing.get().schema().equals(group.schema())) {
          throw new IllegalStateException(
              "feature group " + group.name() + " v" + group.version()
                  + " is already registered in this local store with another schema; "
                  + "increase the version in @FeatureGroup or use a new store directory. "
                  + "Registered: " + existing.get().schemaJson() + " New: " + group.schemaJson());
        }
        try (PreparedStatement upsert =
            connection.prepareStatement(
                "INSERT OR REPLACE INTO feature_groups VALUES (?, ?, ?, ?, ?, ?, ?)")) {
          upsert.setString(1, group.name());
          upsert.setInt(2, group.version());
          upsert.setString(3, group.schemaJson());
          upsert.setString(4, String.join(",", group.primaryKey()));
          upsert.setString(5, group.eventTimeFeature());
          upsert.setInt(6, group.online() ? 1 : 0);
          upsert.setString(7, group.description());
          upsert.executeUpdate();
        }
        if (group.online()) {
          statement.execute(
              "CREATE TABLE IF NOT EXISTS " + StoreLayout.onlineTable(group.name(), group.version())
                  + " (key TEXT PRIMARY KEY, event_time_micros INTEGER NOT NULL,"
                  + " value BLOB NOT NULL)");
        }
      }
    });
  }

  /** Work on a connection that may throw {@link SQLException}. */
  interface SqlWork {
    void run() throws SQLException;
  }

  /**
   * Runs {@code work} in a {@code BEGIN IMMEDIATE} transaction on an auto-commit connection. The
   * write lock is taken at BEGIN, where the busy timeout makes concurrent writers wait; a deferred
   * transaction that reads first would instead fail at once with SQLITE_BUSY when it tries to
   * write. Between transactions the connection holds no lock, so other writers can proceed.
   */
  static void inWriteTransaction(Connection connection, SqlWork work) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      try {
        work.run();
      } catch (SQLException | RuntimeException e) {
        try {
          statement.execute("ROLLBACK");
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
      statement.execute("COMMIT");
    }
  }

  /**
   * Replaces a row only when the new one is at least as recent, so replays after a failure and
   * out-of-order writers cannot move a key back in time.
   */
  static String upsertIfNewer(String group, int version) {
    String table = StoreLayout.onlineTable(group, version);
    return "INSERT INTO " + table + " (key, event_time_micros, value) VALUES (?, ?, ?)"
        + " ON CONFLICT(key) DO UPDATE SET event_time_micros = excluded.event_time_micros,"
        + " value = excluded.value WHERE excluded.event_time_micros >= " + table
        + ".event_time_micros";
  }

  static List<FeatureGroupTarget> groups(Connection connection) throws SQLException {
    if (!hasCatalog(connection)) {
      return List.of();
    }
    List<FeatureGroupTarget> groups = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT * FROM feature_groups ORDER BY name, version")) {
      while (rows.next()) {
        groups.add(toTarget(rows));
      }
    }
    return groups;
  }

  static Optional<FeatureGroupTarget> find(Connection connection, String name, int version)
      throws SQLException {
    if (!hasCatalog(connection)) {
      return Optional.empty();
    }
    try (PreparedStatement query =
        connection.prepareStatement("SELECT * FROM feature_groups WHERE name = ? AND version = ?")) {
      query.setString(1, name);
      query.setInt(2, version);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(toTarget(rows)) : Optional.empty();
      }
    }
  }

  private static boolean hasCatalog(Connection connection) throws SQLException {
    try (ResultSet tables =
        connection.getMetaData().getTables(null, null, "feature_groups", null)) {
      return tables.next();
    }
  }

  private static FeatureGroupTarget toTarget(ResultSet row) throws SQLException {
    return new FeatureGroupTarget(
        row.getString("name"),
        row.getInt("version"),
        row.getString("schema_json"),
        Arrays.asList(row.getString("primary_key").split(",")),
        row.getString("event_time_feature"),
        row.getInt("online") != 0,
        row.getString("description"));
  }

  /** Parses a schema without the caller handling Avro's unchecked exceptions. */
  static Schema parse(String schemaJson) {
    return new Schema.Parser().parse(schemaJson);
  }
}
