package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.spi.FeatureRowCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.Decoder;

/**
 * Reads the offline side of a {@link LocalFeatureStore} as Hopsworks' offline store would answer:
 * one row per primary key and event time, the one written last. A rerun or an overlapping backfill
 * appends rows for windows the store already holds; this reader resolves them by reading the
 * committed files in name order (which is write order, see {@link OfflineFiles}) and keeping the
 * last row met per (primary key, event time). Hidden, uncommitted files are never read.
 *
 * <pre>{@code
 * OfflineStoreReader offline = OfflineStoreReader.open(Path.of("feature-store"));
 * for (GenericRecord row : offline.read("eth_usd_price_5m", 1, "ETH-USD")) {
 *   Instant windowEnd = FeatureRows.instant(row, "window_end");
 * }
 * }</pre>
 *
 * <p>Needs no database: the primary-key and event-time field names travel in each file's Avro
 * metadata ({@code featuresdk.primary_key}, {@code featuresdk.event_time}), so any Avro reader
 * can apply the same rule (see {@code sdk-runtime/src/main/python/read_offline_store.py}).
 */
public final class OfflineStoreReader {
  /** A compaction may replace files between listing and reading them; then we list again. */
  private static final int ATTEMPTS = 3;

  private final Path root;

  private OfflineStoreReader(Path root) {
    this.root = root;
  }

  /** The offline side of the store under {@code root}, which may still be empty. */
  public static OfflineStoreReader open(Path root) {
    return new OfflineStoreReader(root);
  }

  /** {@code <group> v<version>} of every group directory on disk, sorted. */
  public List<String> groups() {
    Path offline = root.resolve(StoreLayout.OFFLINE_DIR);
    if (!Files.isDirectory(offline)) {
      return List.of();
    }
    try (Stream<Path> groups = Files.list(offline)) {
      List<String> found = new ArrayList<>();
      for (Path group : groups.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> versions = Files.list(group)) {
          versions
              .filter(Files::isDirectory)
              .map(v -> v.getFileName().toString())
              .filter(v -> v.matches("v[0-9]+"))
              .sorted(Comparator.comparingInt(v -> Integer.parseInt(v.substring(1))))
              .forEach(v -> found.add(group.getFileName() + " " + v));
        }
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + offline, e);
    }
  }

  /** Whether a job has ever set up {@code group} version {@code version} here. */
  public boolean contains(String group, int version) {
    return Files.isDirectory(StoreLayout.offlineDir(root, group, version));
  }

  /** One row per primary key and event time, the latest write; sorted by key, then event time. */
  public List<GenericRecord> read(String group, int version) {
    return List.copyOf(resolve(group, version, GenericDatumReader::new, OfflineStoreReader::identity).values());
  }

  /** The rows of one primary key ({@code ";"}-joined key values), sorted by event time. */
  public List<GenericRecord> read(String group, int version, String primaryKey) {
    return List.copyOf(
        resolve(group, version, GenericDatumReader::new, OfflineStoreReader::identity)
            .subMap(new RowId(primaryKey, Long.MIN_VALUE), true, new RowId(primaryKey, Long.MAX_VALUE), true)
            .values());
  }

  /** Like {@link #read(String, int)}, decoded by the group's generated codec. */
  public <R> List<R> read(String group, int version, FeatureRowCodec<R> codec) {
    return List.copyOf(
        resolve(group, version, () -> new CodecDatumReader<>(codec),
                (row, layout) ->
                    new RowId(codec.primaryKey(row),
                        FeatureRows.micros(codec.toGenericRecord(row, layout.schema()), layout.eventTime())))
            .values());
  }

  /** How many rows {@link #read(String, int)} returns. */
  public long count(String group, int version) {
    return read(group, version).size();
  }

  private <T> NavigableMap<RowId, T> resolve(String group, int version, Supplier<DatumReader<T>> readers,
      IdentityFunction<T> identity) {
    Path dir = StoreLayout.offlineDir(root, group, version);
    if (!contains(group, version)) {
      throw new IllegalArgumentException(
          "no offline rows of feature group " + group + " v" + version + " under " + root
              + "; groups with offline rows: " + (groups().isEmpty() ? "none" : String.join(", ", groups())));
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return resolveOnce(OfflineFiles.committed(dir), readers, identity);
      } catch (NoSuchFileException e) {
        if (attempt == ATTEMPTS) {
          throw new UncheckedIOException(
              "offline files of " + group + " v" + version + " keep disappearing while read "
                  + "(a compaction running?); try again", e);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the offline rows of " + group + " v" + version, e);
      }
    }
  }

  /** The latest row per primary key and event time in {@code files}, which are in write order. */
  static List<GenericRecord> latestRows(List<Path> files) throws IOException {
    return List.copyOf(resolveOnce(files, GenericDatumReader::new, OfflineStoreReader::identity).values());
  }

  private static <T> NavigableMap<RowId, T> resolveOnce(List<Path> files,
      Supplier<DatumReader<T>> readers, IdentityFunction<T> identity) throws IOException {
    NavigableMap<RowId, T> latest = new TreeMap<>();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file);
          DataFileStream<T> rows = new DataFileStream<>(in, readers.get())) {
        FileLayout layout = FileLayout.of(rows, file);
        while (rows.hasNext()) {
          T row = rows.next();
          latest.put(identity.of(row, layout), row);
        }
      }
    }
    return latest;
  }

  private static RowId identity(GenericRecord row, FileLayout layout) {
    StringBuilder key = new StringBuilder();
    for (String field : layout.primaryKey()) {
      if (key.length() > 0) {
        key.append(';');
      }
      key.append(row.get(field));
    }
    return new RowId(key.toString(), FeatureRows.micros(row, layout.eventTime()));
  }

  /** A row's identity in the offline store: Hopsworks upserts on primary key + event time. */
  private record RowId(String key, long eventTimeMicros) implements Comparable<RowId> {
    @Override
    public int compareTo(RowId other) {
      int byKey = key.compareTo(other.key);
      return byKey != 0 ? byKey : Long.compare(eventTimeMicros, other.eventTimeMicros);
    }
  }

  /** What a file's Avro metadata says about its rows. */
  private record FileLayout(Schema schema, List<String> primaryKey, String eventTime) {
    static FileLayout of(DataFileStream<?> file, Path path) {
      String primaryKey = file.getMetaString(OfflineFiles.PRIMARY_KEY_META);
      String eventTime = file.getMetaString(OfflineFiles.EVENT_TIME_META);
      if (primaryKey == null || eventTime == null) {
        throw new IllegalStateException(
            path + " has no " + OfflineFiles.PRIMARY_KEY_META + "/" + OfflineFiles.EVENT_TIME_META
                + " metadata: it was not written by this version of the local store; "
                + "write the group into a new store directory");
      }
      return new FileLayout(file.getSchema(), List.of(primaryKey.split(",")), eventTime);
    }
  }

  @FunctionalInterface
  private interface IdentityFunction<T> {
    RowId of(T row, FileLayout layout);
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
}
