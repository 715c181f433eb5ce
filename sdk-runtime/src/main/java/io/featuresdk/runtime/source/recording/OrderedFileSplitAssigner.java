package io.featuresdk.runtime.source.recording;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.assigners.FileSplitAssigner;

/**
 * Hands out recording files in file-name order. Recording names start with the prefix and the UTC time the file
 * was opened, so this is time order: each reader's watermark only moves forward over files it reads one after
 * another, and no recorded event becomes late merely because a later file was read first.
 */
final class OrderedFileSplitAssigner implements FileSplitAssigner {

  private static final Comparator<FileSourceSplit> BY_PATH =
      Comparator.comparing((FileSourceSplit s) -> s.path().getName())
          .thenComparing(s -> s.path().toString())
          .thenComparingLong(FileSourceSplit::offset);

  private final TreeSet<FileSourceSplit> splits = new TreeSet<>(BY_PATH);

  OrderedFileSplitAssigner(Collection<FileSourceSplit> splits) {
    this.splits.addAll(splits);
  }

  @Override
  public Optional<FileSourceSplit> getNext(String hostname) {
    return Optional.ofNullable(splits.pollFirst());
  }

  @Override
  public void addSplits(Collection<FileSourceSplit> newSplits) {
    splits.addAll(newSplits);
  }

  @Override
  public Collection<FileSourceSplit> remainingSplits() {
    List<FileSourceSplit> remaining = new ArrayList<>(splits);
    return remaining;
  }
}
