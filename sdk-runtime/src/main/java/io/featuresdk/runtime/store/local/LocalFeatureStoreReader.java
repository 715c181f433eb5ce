package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.spi.FeatureRowCodec;
import io.featuresdk.runtime.store.FeatureGroupTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.Decoder;

/**
 * Reads what a {@link LocalFeatureStore} committed, from any process: offline rows from the
 * committed Avro files (never FileSink's hidden in-progress or pending files) and online rows
 * through an {@link OnlineStoreReader}, which may run while a job writes.
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

  /** Every committed offline row of a group, file by file in name order. */
  public List<GenericRecord> readOffline(String group, int version) {
    Schema schema = group(group, version).schema();
    return readOfflineFiles(group, version, () -> new GenericDatumReader<>(null, schema));
  }

  /** Every committed offline row of a group, decoded by the group's generated codec. */
  public <R> List<R> readOffline(String group, int version, FeatureRowCodec<R> codec) {
    group(group, version);
    return readOfflineFiles(group, version, () -> new CodecDatumReader<>(codec));
  }

  /** How many committed offline rows a group has. */
  public long countOffline(String group, int version) {
    long count = 0;
    for (Path file : committedFiles(group, version)) {
      try (InputStream in = Files.newInputStream(file);
          DataFileStream<Object> stream = new DataFileStream<>(in, new SkippingReader())) {
        while (stream.hasNext()) {
          count += stream.getBlockCount();
          stream.nextBlock();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return count;
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

  private <T> List<T> readOfflineFiles(
      String group, int version, java.util.function.Supplier<DatumReader<T>> readers) {
    List<T> rows = new ArrayList<>();
    for (Path file : committedFiles(group, version)) {
      try (InputStream in = Files.newInputStream(file);
          DataFileStream<T> stream = new DataFileStream<>(in, readers.get())) {
        while (stream.hasNext()) {
          rows.add(stream.next());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return rows;
  }

  private List<Path> committedFiles(String group, int version) {
    Path dir = StoreLayout.offlineDir(root, group, version);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> committed =
          new ArrayList<>(
              files.filter(Files::isRegularFile).filter(StoreLayout::isCommittedDataFile).toList());
      Collections.sort(committed);
      return committed;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
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

  /** Lets a generated codec read container files without going through GenericRecord. */
  private static final class CodecDatumReader<R> implements DatumReader<R> {
    private final FeatureRowCodec<R> codec;

    CodecDatumReader(FeatureRowCodec<R> codec) {
      this.codec = codec;
    }

    @Override
    public void setSchema(Schema schema) {}

    @Override
    public R read(R reuse, Decoder in) throws IOException {
      return codec.decode(in);
    }
  }

  /** Counting needs only the block headers; rows are never decoded. */
  private static final class SkippingReader implements DatumReader<Object> {
    @Override
    public void setSchema(Schema schema) {}

    @Override
    public Object read(Object reuse, Decoder in) {
      throw new UnsupportedOperationException("rows are counted per block, not read");
    }
  }
}
