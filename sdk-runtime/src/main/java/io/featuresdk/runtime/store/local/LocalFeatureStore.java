package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.OptionalDependency;
import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.FeatureRecord;
import io.featuresdk.runtime.store.FeatureStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The embedded feature store: no servers, one directory.
 *
 * <ul>
 *   <li>offline: rows as Avro container files under {@code <root>/offline/<group>/v<version>/},
 *       made visible (committed) when a checkpoint completes. Like Hopsworks' offline store it
 *       keeps one row per primary key and event time (window end), the latest write: rerunning a
 *       job or backfilling an overlapping range into the same store is harmless. Files are only
 *       ever added; {@link OfflineStoreReader} resolves repeated writes and {@link LocalStoreCli}
 *       {@code --compact} rewrites a group into one file;
 *   <li>online: the latest row per primary key in the SQLite database {@code <root>/online.db}
 *       (WAL mode, so other processes can read while the job writes), one table per group and
 *       version with one typed column per feature (see {@link OnlineStoreReader} for the layout),
 *       plus the {@code feature_groups} catalog. Online rows are written within
 *       {@link #DEFAULT_ONLINE_FLUSH_INTERVAL} of reaching the sink, not at checkpoints.
 * </ul>
 *
 * <p>The job must checkpoint, because that is when the offline side commits:
 *
 * <pre>{@code
 * env.enableCheckpointing(Duration.ofSeconds(10).toMillis());
 * FeaturePipeline.of(PriceFeatures_FeatureGroup.instance())
 *     .from(ticks)
 *     .insertStream(FeatureStores.local(Path.of("feature-store")));
 * }</pre>
 *
 * <p>Read it back with {@link LocalFeatureStoreReader} or {@link LocalStoreCli}. All subtasks must
 * see the same {@code root}: a local disk on the MiniCluster, a shared file system on a cluster.
 */
public final class LocalFeatureStore implements FeatureStore {
  private static final long serialVersionUID = 1L;

  /** How long an online row waits at most before it is written, unless configured otherwise. */
  public static final Duration DEFAULT_ONLINE_FLUSH_INTERVAL = Duration.ofMillis(200);

  // java.nio.file.Path is not Serializable
  private final String root;
  private final long onlineFlushIntervalMillis;

  public LocalFeatureStore(Path root) {
    this(root, DEFAULT_ONLINE_FLUSH_INTERVAL.toMillis());
  }

  private LocalFeatureStore(Path root, long onlineFlushIntervalMillis) {
    OptionalDependency.LOCAL_STORE.check();
    this.root = root.toAbsolutePath().normalize().toString();
    this.onlineFlushIntervalMillis = onlineFlushIntervalMillis;
  }

  /**
   * This store with online rows written at most {@code interval} after they reach the sink (and at
   * every checkpoint). Shorter means fresher online rows and more, smaller SQLite transactions.
   *
   * <pre>{@code
   * FeatureStores.local(Path.of("feature-store")).withOnlineFlushInterval(Duration.ofMillis(50))
   * }</pre>
   */
  public LocalFeatureStore withOnlineFlushInterval(Duration interval) {
    if (interval.toMillis() < 1) {
      throw new IllegalArgumentException(
          "the online flush interval must be at least 1 ms, got " + interval
              + "; pass e.g. Duration.ofMillis(200) to withOnlineFlushInterval");
    }
    return new LocalFeatureStore(root(), interval.toMillis());
  }

  public Path root() {
    return Path.of(root);
  }

  @Override
  public void insertStream(FeatureGroupTarget group, DataStream<FeatureRecord> records) {
    checkCheckpointing(group, records.getExecutionEnvironment());
    Path rootPath = root();
    prepareRoot(rootPath);
    registerGroup(rootPath, group);

    String id = "featuresdk/" + group.qualifiedName();
    Path offlineDir = StoreLayout.offlineDir(rootPath, group.name(), group.version());
    createDirectories(offlineDir);
    // provisional rows are for the online table only; final rows reach the offline writer, which
    // keeps the complete ones
    records
        .filter(record -> !record.provisional())
        .name(group.name() + " final rows")
        .uid(id + "/final")
        .sinkTo(new OfflineAvroSink(offlineDir, group))
        .name(group.name() + " offline")
        .uid(id + "/offline");

    if (group.online()) {
      records
          .sinkTo(new SqliteOnlineSink(rootPath, group, onlineFlushIntervalMillis))
          .name(group.name() + " online")
          .uid(id + "/online");
    }
  }

  private static void checkCheckpointing(FeatureGroupTarget group, StreamExecutionEnvironment env) {
    if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
      throw new IllegalStateException(
          "the local feature store commits rows at checkpoints, but checkpointing is disabled "
              + "for the job writing feature group " + group.name() + " v" + group.version()
              + ": call env.enableCheckpointing(intervalMillis) (e.g. 10000) before insertStream, "
              + "or set execution.checkpointing.interval in the Flink configuration");
    }
  }

  private static void prepareRoot(Path root) {
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new IllegalArgumentException(
          "local feature store root " + root + " is a file, not a directory; "
              + "pass a directory path to FeatureStores.local");
    }
    createDirectories(root.resolve(StoreLayout.OFFLINE_DIR));
    if (!Files.isWritable(root)) {
      throw new IllegalArgumentException(
          "local feature store root " + root + " is not writable; "
              + "fix its permissions or pass another directory to FeatureStores.local");
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot create " + dir + " in the local feature store: " + e
              + "; pass a directory the job may write to FeatureStores.local", e);
    }
  }

  private static void registerGroup(Path root, FeatureGroupTarget group) {
    try (Connection connection = OnlineCatalog.openForWriting(root)) {
      OnlineCatalog.register(connection, group);
    } catch (SQLException e) {
      throw new UncheckedIOException(
          new IOException(
              "cannot register feature group " + group.name() + " v" + group.version()
                  + " in " + StoreLayout.onlineDb(root), e));
    }
  }

  @Override
  public String toString() {
    return "LocalFeatureStore[" + root + "]";
  }
}
