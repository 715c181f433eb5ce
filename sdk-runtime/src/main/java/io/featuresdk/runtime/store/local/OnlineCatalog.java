package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.store.FeatureGroupTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The SQLite side of the local store: connections, the {@code feature_groups} catalog and the
 * per-group online tables. All SQL of the local store lives here.
 */
final class OnlineCatalog {
  private static final String CREATE_CATALOG =
      "CREATE TABLE IF NOT EXISTS feature_groups ("
          + " name TEXT NOT NULL, version INTEGER NOT NULL, schema_json TEXT NOT NULL,"
          + " primary_key TEXT NOT NULL, event_time_feature TEXT NOT NULL,"
          + " online INTEGER NOT NULL, description TEXT NOT NULL,"
          + " PRIMARY KEY (name, version))";

  private OnlineCatalog() {}

  static Connection openForWriting(Path root) throws SQLException {
    return SqliteConnections.openForWriting(StoreLayout.onlineDb(root));
  }

  static Connection openReadOnly(Path root) throws SQLException {
    return SqliteConnections.openReadOnly(StoreLayout.onlineDb(root));
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
          OnlineTable table = new OnlineTable(group);
          statement.execute(table.createSql());
          checkColumns(connection, table);
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
   * Fails if the group's table exists with other columns, e.g. the opaque one-blob table of
   * featuresdk versions before typed online tables.
   */
  private static void checkColumns(Connection connection, OnlineTable table) throws SQLException {
    List<String> existing = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet columns = statement.executeQuery("PRAGMA table_info(" + table.name() + ")")) {
      while (columns.next()) {
        existing.add(columns.getString("name"));
      }
    }
    List<String> expected = table.columns().stream().map(OnlineColumn::name).toList();
    if (!existing.equals(expected)) {
      throw new IllegalStateException(
          "online table " + table.name() + " has columns " + existing + ", expected " + expected
              + " (written by an older featuresdk?); drop the table (sqlite3 online.db 'DROP TABLE "
              + table.name() + "') or use a new store directory");
    }
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

  /** The registered group, or a failure that lists the registered ones. */
  static FeatureGroupTarget require(Connection connection, Path root, String name, int version)
      throws SQLException {
    Optional<FeatureGroupTarget> group = find(connection, name, version);
    if (group.isPresent()) {
      return group.get();
    }
    List<FeatureGroupTarget> groups = groups(connection);
    throw new IllegalArgumentException(
        "no feature group " + name + " v" + version + " in " + root + "; registered: "
            + (groups.isEmpty()
                ? "none"
                : String.join(", ", groups.stream().map(g -> g.name() + " v" + g.version())
                    .toList())));
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
