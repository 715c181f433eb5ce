package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.store.FeatureGroupTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads the online side of a {@link LocalFeatureStore} while a job writes it: the latest row per
 * primary key, from any process. Fast enough to sit behind a model server: the group's table
 * layout and a prepared point lookup are built once per group and version, so a lookup is one
 * indexed SQLite read and one small record, in constant memory.
 *
 * <pre>{@code
 * try (OnlineStoreReader online = OnlineStoreReader.open(Path.of("feature-store"))) {
 *   Optional<GenericRecord> row = online.readOnline("eth_usd_price_5m", 1, "ETH-USD");
 * }
 * }</pre>
 *
 * <h2>The table, for any SQLite client</h2>
 *
 * {@code <root>/online.db} holds one table per online group, {@code fg_<group>_v<version>}, with
 * one typed column per feature, named like the feature: {@code INTEGER} for boolean, int, long and
 * timestamps (epoch microseconds, as in the Avro rows), {@code REAL} for float and double,
 * {@code TEXT} for strings, {@code BLOB} for bytes. The primary-key features are the table's
 * primary key. Two more columns say what a row covers: {@code window_end}, the end of the window
 * it aggregates, and {@code as_of}, the newest event time it includes, both epoch microseconds
 * (today every row is final, so {@code as_of} is the window's last millisecond). A row is replaced
 * only by one with a later window end, or the same window end and a later or equal as-of time.
 *
 * <pre>
 * sqlite3 -cmd '.timeout 5000' feature-store/online.db \
 *   "SELECT ticker, price_avg, window_end, as_of FROM fg_eth_usd_price_5m_v1"
 * </pre>
 *
 * The job writes in WAL mode, so readers never wait for it, but a reader may briefly meet a lock
 * while the log is reset: set a busy timeout of 5 s ({@code PRAGMA busy_timeout = 5000}, Python's
 * {@code sqlite3.connect(path, timeout=5)}), as this reader does.
 *
 * <p>Methods are synchronized: one reader may be shared by threads, which then take turns on its
 * single connection; open one reader per thread for parallel lookups.
 */
public final class OnlineStoreReader implements AutoCloseable {
  private final Path root;
  private final Connection connection;
  /** Built on first use per group and version; a registered group's layout never changes. */
  private final Map<String, PointLookup> lookups = new HashMap<>();

  private OnlineStoreReader(Path root, Connection connection) {
    this.root = root;
    this.connection = connection;
  }

  /**
   * Opens the online side of the store under {@code root}, read-only.
   *
   * @throws IllegalArgumentException if no job has written a store there
   */
  public static OnlineStoreReader open(Path root) {
    Path db = StoreLayout.onlineDb(root);
    if (!Files.isRegularFile(db)) {
      throw new IllegalArgumentException(
          "no local feature store at " + root.toAbsolutePath() + ": " + db.getFileName()
              + " is missing (has a job with FeatureStores.local(" + root + ") started yet?)");
    }
    try {
      return new OnlineStoreReader(root, OnlineCatalog.openReadOnly(root));
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("cannot open " + db + " read-only", e));
    }
  }

  /**
   * The latest row per primary key, keyed and sorted by the {@code ";"}-joined key values.
   *
   * @throws IllegalStateException if two keys join to the same text (a key part contains ";");
   *     use {@link #readOnlineRows} for such groups
   */
  public synchronized Map<String, GenericRecord> readOnline(String group, int version) {
    PointLookup lookup = lookup(group, version);
    Map<String, GenericRecord> rows = new TreeMap<>();
    for (GenericRecord row : readOnlineRows(group, version)) {
      String key = joinKey(lookup.table.keyOf(row));
      if (rows.put(key, row) != null) {
        throw new IllegalStateException(
            "two online rows of " + group + " v" + version + " have keys that join to '" + key
                + "'; read them with readOnlineRows");
      }
    }
    return rows;
  }

  /** The latest row per primary key, sorted by the key columns. */
  public synchronized List<GenericRecord> readOnlineRows(String group, int version) {
    return readOnlineRowsWithCoverage(group, version).stream().map(OnlineRow::features).toList();
  }

  /**
   * The latest row per primary key with what it covers (window end and as-of time), sorted by the
   * key columns.
   */
  public synchronized List<OnlineRow> readOnlineRowsWithCoverage(String group, int version) {
    OnlineTable table = lookup(group, version).table;
    List<OnlineRow> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(table.selectAllSql())) {
      while (result.next()) {
        rows.add(table.readWithCoverage(result));
      }
    } catch (SQLException e) {
      throw failure("cannot read the online rows of " + group + " v" + version, e);
    }
    return rows;
  }

  /**
   * The latest row of one primary key given as its {@code ";"}-joined values (the Kafka and
   * Hopsworks key), if there is one. A group with one key column takes the text as it is.
   *
   * @throws IllegalArgumentException if the text does not split into one part per key column
   */
  public synchronized Optional<GenericRecord> readOnline(
      String group, int version, String primaryKey) {
    PointLookup lookup = lookup(group, version);
    return lookup.read(lookup.table.parseJoinedKey(primaryKey), group).map(OnlineRow::features);
  }

  /**
   * The latest row of one primary key given as one value per key column, in key order (a
   * {@code String} for a string column, a {@code Long} for a long one), if there is one.
   */
  public synchronized Optional<GenericRecord> readOnline(
      String group, int version, List<?> primaryKey) {
    PointLookup lookup = lookup(group, version);
    lookup.table.checkKeyParts(primaryKey);
    return lookup.read(primaryKey, group).map(OnlineRow::features);
  }

  /**
   * The latest row of one primary key (one value per key column) with what it covers: its window
   * end and as-of time.
   */
  public synchronized Optional<OnlineRow> readOnlineRow(
      String group, int version, List<?> primaryKey) {
    PointLookup lookup = lookup(group, version);
    lookup.table.checkKeyParts(primaryKey);
    return lookup.read(primaryKey, group);
  }

  /**
   * The latest row of one primary key given as its {@code ";"}-joined values, with what it
   * covers: its window end and as-of time.
   */
  public synchronized Optional<OnlineRow> readOnlineRow(String group, int version, String primaryKey) {
    PointLookup lookup = lookup(group, version);
    return lookup.read(lookup.table.parseJoinedKey(primaryKey), group);
  }

  /** How many keys the online table of a group holds. */
  public synchronized long countOnline(String group, int version) {
    String sql = "SELECT COUNT(*) FROM " + lookup(group, version).table.name();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      return result.next() ? result.getLong(1) : 0;
    } catch (SQLException e) {
      throw failure("cannot count the online rows of " + group, e);
    }
  }

  @Override
  public synchronized void close() {
    try (connection) {
      for (PointLookup lookup : lookups.values()) {
        lookup.query.close();
      }
    } catch (SQLException e) {
      throw failure("cannot close " + StoreLayout.onlineDb(root), e);
    }
  }

  private PointLookup lookup(String group, int version) {
    String id = group + "/" + version;
    PointLookup cached = lookups.get(id);
    if (cached != null) {
      return cached;
    }
    try {
      FeatureGroupTarget target = OnlineCatalog.require(connection, root, group, version);
      if (!target.online()) {
        throw new IllegalArgumentException(
            "feature group " + group + " v" + version + " is offline only (online = false); "
                + "use readOffline");
      }
      OnlineTable table = new OnlineTable(target);
      PointLookup lookup =
          new PointLookup(table, connection.prepareStatement(table.selectByKeySql()));
      lookups.put(id, lookup);
      return lookup;
    } catch (SQLException e) {
      throw failure("cannot read the catalog entry of " + group + " v" + version, e);
    }
  }

  private static String joinKey(List<Object> parts) {
    return String.join(";", parts.stream().map(String::valueOf).toList());
  }

  private static UncheckedIOException failure(String message, SQLException e) {
    return new UncheckedIOException(new IOException(message, e));
  }

  /** One group's table layout and its prepared point lookup. */
  private record PointLookup(OnlineTable table, PreparedStatement query) {
    Optional<OnlineRow> read(List<?> key, String group) {
      try {
        table.bindKey(query, key);
        try (ResultSet result = query.executeQuery()) {
          return result.next() ? Optional.of(table.readWithCoverage(result)) : Optional.empty();
        }
      } catch (SQLException e) {
        throw failure("cannot read the online row " + key + " of " + group, e);
      }
    }
  }
}
