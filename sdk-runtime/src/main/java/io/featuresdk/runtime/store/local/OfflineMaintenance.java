package io.featuresdk.runtime.store.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * Housekeeping of the offline side, for {@link LocalStoreCli}: reports and deletes the hidden files
 * that no checkpoint committed, and compacts a group's files into one. Both are meant for a store
 * no job writes to: a running job's open files are hidden too, and a compaction racing a commit
 * could order an older row after a newer one.
 */
final class OfflineMaintenance {
  private final Path root;

  OfflineMaintenance(Path root) {
    this.root = root;
  }

  /** A file no checkpoint committed: open in a running job, or left by a run that died. */
  record HiddenFile(Path path, long bytes, Instant modified) {}

  /** What one compaction did. */
  record Compaction(String group, int files, long rows) {}

  /** Every hidden file under the offline directory, sorted by path. */
  List<HiddenFile> hiddenFiles() {
    List<HiddenFile> hidden = new ArrayList<>();
    for (Path dir : groupDirs()) {
      for (Path file : OfflineFiles.hiddenFiles(dir)) {
        try {
          hidden.add(new HiddenFile(file, Files.size(file), Files.getLastModifiedTime(file).toInstant()));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot inspect " + file, e);
        }
      }
    }
    return hidden;
  }

  /** Deletes every hidden file; returns how many. */
  int deleteHiddenFiles() {
    List<HiddenFile> hidden = hiddenFiles();
    for (HiddenFile file : hidden) {
      try {
        Files.deleteIfExists(file.path());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + file.path(), e);
      }
    }
    return hidden.size();
  }

  /**
   * Rewrites the committed files of one group version into a single file holding the latest row
   * per primary key and event time, then deletes the files it replaced. The output sorts right
   * after the newest input, so a crash between the rename and the deletes changes no answer.
   *
   * @throws IllegalStateException if hidden files show that a job may be writing the group
   */
  Compaction compact(String group, int version) {
    Path dir = StoreLayout.offlineDir(root, group, version);
    if (!OfflineFiles.hiddenFiles(dir).isEmpty()) {
      throw new IllegalStateException(
          "not compacting " + group + " v" + version + ": it has in-progress files, so a job may "
              + "be writing it; stop the job, or if it crashed and will not be resumed, delete "
              + "them with --in-progress --delete");
    }
    List<Path> inputs = OfflineFiles.committed(dir);
    if (inputs.size() < 2) {
      return new Compaction(group + " v" + version, 0, 0);
    }
    try {
      List<GenericRecord> rows = OfflineStoreReader.latestRows(inputs);
      Path newest = inputs.get(inputs.size() - 1);
      Path output = dir.resolve(OfflineFiles.compactedName(newest.getFileName().toString()));
      write(newest, OfflineFiles.hidden(output), rows);
      Files.move(OfflineFiles.hidden(output), output, StandardCopyOption.ATOMIC_MOVE);
      for (Path input : inputs) {
        Files.delete(input);
      }
      return new Compaction(group + " v" + version, inputs.size(), rows.size());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compact " + group + " v" + version, e);
    }
  }

  /** Compacts every group version that has offline rows. */
  List<Compaction> compactAll() {
    List<Compaction> done = new ArrayList<>();
    for (Path dir : groupDirs()) {
      String version = dir.getFileName().toString();
      done.add(compact(dir.getParent().getFileName().toString(), Integer.parseInt(version.substring(1))));
    }
    return done;
  }

  /** Writes {@code rows} with the schema and metadata of {@code template}, durably. */
  private static void write(Path template, Path target, List<GenericRecord> rows) throws IOException {
    try (InputStream in = Files.newInputStream(template);
        DataFileStream<GenericRecord> header = new DataFileStream<>(in, new GenericDatumReader<>());
        FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        DataFileWriter<GenericRecord> out = new DataFileWriter<>(new GenericDatumWriter<>(header.getSchema()))) {
      for (String key : List.of(OfflineFiles.PRIMARY_KEY_META, OfflineFiles.EVENT_TIME_META)) {
        out.setMeta(key, header.getMetaString(key));
      }
      out.create(header.getSchema(), Channels.newOutputStream(channel));
      for (GenericRecord row : rows) {
        out.append(row);
      }
      out.flush();
      channel.force(true);
    }
  }

  private List<Path> groupDirs() {
    Path offline = root.resolve(StoreLayout.OFFLINE_DIR);
    if (!Files.isDirectory(offline)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.walk(offline, 2)) {
      return dirs.filter(dir -> offline.relativize(dir).getNameCount() == 2)
          .filter(Files::isDirectory)
          .filter(dir -> dir.getFileName().toString().matches("v[0-9]+"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + offline, e);
    }
  }
}
