package io.featuresdk.runtime.store.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * How the offline side names its files, which is also how readers order writes.
 *
 * <p>A committed file is {@code part-<sequence>.avro}. The sequence ({@code <epoch millis>-<run>-
 * <subtask>-<counter>}, fixed width) is stamped when a writer opens the file, grows strictly per
 * writer, and a later run opens its files after an earlier one; so sorting a group's committed
 * file names as plain strings puts them in write order, and within a file rows are in write order. The latest write of a (primary key, event time) is therefore the last
 * one met when reading files in name order. A compaction output is named after the newest file it
 * replaces plus {@code .compacted} and sorts right after it.
 *
 * <p>Until a checkpoint commits it, a file is hidden as {@code .<name>.inprogress}: readers and
 * Hive-style tools skip names starting with a dot.
 */
final class OfflineFiles {
  static final String PREFIX = "part-";
  static final String SUFFIX = ".avro";
  static final String COMPACTED_SUFFIX = ".compacted" + SUFFIX;
  static final String HIDDEN_PREFIX = ".";
  static final String HIDDEN_SUFFIX = ".inprogress";

  /** Avro file metadata naming the primary-key fields (comma separated), for any reader. */
  static final String PRIMARY_KEY_META = "featuresdk.primary_key";
  /** Avro file metadata naming the event-time field. */
  static final String EVENT_TIME_META = "featuresdk.event_time";

  private OfflineFiles() {}

  /** The committed name of the {@code counter}-th file a writer opens, at {@code millis}. */
  static String committedName(long millis, String run, int subtask, long counter) {
    return String.format("%s%015d-%s-%05d-%09d%s", PREFIX, millis, run, subtask, counter, SUFFIX);
  }

  /**
   * The name of a compaction output that replaces files up to {@code newest}: it sorts after
   * {@code newest} (also when that is a compaction output) and before any later write.
   */
  static String compactedName(String newest) {
    return newest.substring(0, newest.length() - SUFFIX.length()) + COMPACTED_SUFFIX;
  }

  static Path hidden(Path committed) {
    return committed.resolveSibling(HIDDEN_PREFIX + committed.getFileName() + HIDDEN_SUFFIX);
  }

  static boolean isCommitted(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
  }

  static boolean isHidden(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(HIDDEN_PREFIX) && name.endsWith(HIDDEN_SUFFIX);
  }

  /** The committed files of one group directory, in write order; empty if it does not exist. */
  static List<Path> committed(Path groupDir) {
    return list(groupDir, OfflineFiles::isCommitted);
  }

  /**
   * The write time in the name of the newest committed file of a group directory, or {@code
   * Long.MIN_VALUE} if there is none.
   */
  static long newestMillis(Path groupDir) {
    List<Path> files = committed(groupDir);
    if (files.isEmpty()) {
      return Long.MIN_VALUE;
    }
    String name = files.get(files.size() - 1).getFileName().toString();
    return Long.parseLong(name.substring(PREFIX.length(), PREFIX.length() + 15));
  }

  /** Files written but never committed: a running job's, or leftovers of a crashed one. */
  static List<Path> hiddenFiles(Path groupDir) {
    return list(groupDir, OfflineFiles::isHidden);
  }

  private static List<Path> list(Path dir, Predicate<Path> filter) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(filter)
          .sorted(Comparator.comparing(file -> file.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
