package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.spi.FeatureRowCodec;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Reads what a {@link LocalFeatureStore} committed, from any process: offline rows through
 * {@link OfflineStoreReader} (committed files only, one row per primary key and event time) and
 * online rows over a read-only SQLite connection, which may run while a job writes.
 *
 * <pre>{@code
 * try (LocalFeatureStoreReader store = LocalFeatureStoreReader.open(Path.of("feature-store"))) {
 *   Optional<GenericRecord> row = store.readOnline("eth_usd_price_5m", 1, "ETH-USD");
 * }
 * }</pre>
 */
public final class LocalFeatureStoreReader implements AutoCloseable {
  private final Path root;
  private final Connection connection;

  private LocalFeatureStoreReader(Path root, Connection connection) {
    this.root = root;
    this.connection = connection;
  }

  /**
   * Opens the store under {@code root}.
   *
   * @throws IllegalArgumentException if no job has written a store there
   */
  public static LocalFeatureStoreReader open(Path root) {
    Path db = StoreLayout.onlineDb(root);
    if (!Files.isRegularFile(db)) {
      throw new IllegalArgumentException(
          "no local feature store at " + root.toAbsolutePath() + ": " + db.getFileName()
              + " is missing (has a job with FeatureStores.local(" + root + ") started yet?)");
    }
    try {
      return new LocalFeatureStoreReader(root, OnlineCatalog.openReadOnly(root));
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("cannot open " + db + " read-only", e));
    }
  }

  /** The groups jobs have registered, sorted by name and version. */
  public List<FeatureGroupTarget> groups() {
    try {
      return OnlineCatalog.groups(connection);
    } catch (SQLException e) {
      throw failure("cannot list the feature groups", e);
    }
  }

  /** The registered group {@code name} version {@code version}. */
  public FeatureGroupTarget group(String name, int version) {
    try {
      return OnlineCatalog.find(connection, name, version)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "no feature group " + name + " v" + version + " in " + root
                          + "; registered: " + describe(groups())));
    } catch (SQLException e) {
      throw failure("cannot read the catalog", e);
    }
  }

  /**
   * The offline rows of a group: one per primary key and event time, the latest write, sorted by
   * key and event time. See {@link OfflineStoreReader}.
   */
  public List<GenericRecord> readOffline(String group, int version) {
    group(group, version);
    return offline().contains(group, version) ? offline().read(group, version) : List.of();
  }

  /** Like {@link #readOffline(String, int)}, decoded by the group's generated codec. */
  public <R> List<R> readOffline(String group, int version, FeatureRowCodec<R> codec) {
    group(group, version);
    return offline().contains(group, version) ? offline().read(group, version, codec) : List.of();
  }

  /** How many rows {@link #readOffline(String, int)} returns. */
  public long countOffline(String group, int version) {
    group(group, version);
    return offline().contains(group, version) ? offline().count(group, version) : 0;
  }

  /** The offline side on its own, e.g. for the rows of one key. */
  public OfflineStoreReader offline() {
    return OfflineStoreReader.open(root);
  }

  /** The latest row per primary key, sorted by key. */
  public Map<String, GenericRecord> readOnline(String group, int version) {
    FeatureGroupTarget target = onlineGroup(group, version);
    Map<String, GenericRecord> rows = new TreeMap<>();
    OnlineDecoder decoder = new OnlineDecoder(target.schema());
    String sql = "SELECT key, value FROM " + StoreLayout.onlineTable(group, version);
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.put(result.getString(1), decoder.decode(result.getBytes(2)));
      }
    } catch (SQLException e) {
      throw failure("cannot read the online rows of " + group + " v" + version, e);
    }
    return rows;
  }

  /** The latest row of one primary key ({@code ";"}-joined key values), if there is one. */
  public Optional<GenericRecord> readOnline(String group, int version, String primaryKey) {
    FeatureGroupTarget target = onlineGroup(group, version);
    String sql = "SELECT value FROM " + StoreLayout.onlineTable(group, version) + " WHERE key = ?";
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, primaryKey);
      try (ResultSet result = query.executeQuery()) {
        return result.next()
            ? Optional.of(new OnlineDecoder(target.schema()).decode(result.getBytes(1)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("cannot read the online row " + primaryKey + " of " + group, e);
    }
  }

  /** How many keys the online table of a group holds. */
  public long countOnline(String group, int version) {
    onlineGroup(group, version);
    String sql = "SELECT COUNT(*) FROM " + StoreLayout.onlineTable(group, version);
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      return result.next() ? result.getLong(1) : 0;
    } catch (SQLException e) {
      throw failure("cannot count the online rows of " + group, e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("cannot close " + StoreLayout.onlineDb(root), e);
    }
  }

  private FeatureGroupTarget onlineGroup(String group, int version) {
    FeatureGroupTarget target = group(group, version);
    if (!target.online()) {
      throw new IllegalArgumentException(
          "feature group " + group + " v" + version + " is offline only (online = false); "
              + "use readOffline");
    }
    return target;
  }

  private static String describe(List<FeatureGroupTarget> groups) {
    return groups.isEmpty()
        ? "none"
        : String.join(", ", groups.stream().map(g -> g.name() + " v" + g.version()).toList());
  }

  private static UncheckedIOException failure(String message, SQLException e) {
    return new UncheckedIOException(new IOException(message, e));
  }

  /** Decodes online values, reusing one decoder and reader per call. */
  private static final class OnlineDecoder {
    private final GenericDatumReader<GenericRecord> reader;
    private BinaryDecoder decoder;

    OnlineDecoder(Schema schema) {
      this.reader = new GenericDatumReader<>(schema);
    }

    GenericRecord decode(byte[] value) {
      decoder = DecoderFactory.get().binaryDecoder(value, decoder);
      try {
        return reader.read(null, decoder);
      } catch (IOException e) {
        throw new UncheckedIOException("corrupt online row", e);
      }
    }
  }
}
