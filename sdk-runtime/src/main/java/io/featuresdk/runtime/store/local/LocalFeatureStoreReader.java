package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.spi.FeatureRowCodec;
import io.featuresdk.runtime.store.FeatureGroupTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads what a {@link LocalFeatureStore} committed, from any process: offline rows through
 * {@link OfflineStoreReader} (committed files only, one row per primary key and event time) and
 * online rows through an {@link OnlineStoreReader}, which may run while a job writes.
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
  private final OnlineStoreReader online;

  private LocalFeatureStoreReader(Path root, Connection connection, OnlineStoreReader online) {
    this.root = root;
    this.connection = connection;
    this.online = online;
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
    OnlineStoreReader online = OnlineStoreReader.open(root);
    try {
      return new LocalFeatureStoreReader(root, OnlineCatalog.openReadOnly(root), online);
    } catch (SQLException e) {
      online.close();
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

  /** The latest row per primary key, sorted by key; see {@link OnlineStoreReader#readOnline}. */
  public Map<String, GenericRecord> readOnline(String group, int version) {
    return online.readOnline(group, version);
  }

  /** The latest row of one primary key ({@code ";"}-joined key values), if there is one. */
  public Optional<GenericRecord> readOnline(String group, int version, String primaryKey) {
    return online.readOnline(group, version, primaryKey);
  }

  /** How many keys the online table of a group holds. */
  public long countOnline(String group, int version) {
    return online.countOnline(group, version);
  }

  /**
   * The online side of this store, for lookups by typed key parts and rows with their window end
   * and as-of time. Closed with this reader.
   */
  public OnlineStoreReader online() {
    return online;
  }

  @Override
  public void close() {
    try (online) {
      connection.close();
    } catch (SQLException e) {
      throw failure("cannot close " + StoreLayout.onlineDb(root), e);
    }
  }

  private static String describe(List<FeatureGroupTarget> groups) {
    return groups.isEmpty()
        ? "none"
        : String.join(", ", groups.stream().map(g -> g.name() + " v" + g.version()).toList());
  }

  private static UncheckedIOException failure(String message, SQLException e) {
    return new UncheckedIOException(new IOException(message, e));
  }
}
