package io.featuresdk.runtime.source.recording;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes {@link RecordedLine}s into rotated files as described by {@link RecordingOptions}.
 *
 * <p>A file is written under a hidden in-progress name ({@code .<name>.inprogress}) and renamed to its final
 * name ({@code <prefix>-<UTC start time>-<part>-<n>.jsonl[.gz]}) when it is rotated or the writer is closed, so a
 * replay (which skips hidden files) only ever reads complete files, in name order = time order. Rotation is
 * checked before each line, against the injected clock: a file is rotated once it holds
 * {@link RecordingOptions#maxFileBytes()} uncompressed bytes or has been open for
 * {@link RecordingOptions#maxFileAge()}. {@link #flush()} pushes buffered lines to disk (gzip with a sync flush);
 * the source calls it on every checkpoint. An in-progress file left by a crash stays hidden; it can be renamed by
 * hand (a cut-off last line is skipped and counted on replay).
 *
 * <p>Not thread-safe: the source uses it from its task thread only.
 */
public final class RecordingWriter implements AutoCloseable {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final RecordingOptions options;
  private final String part;
  private final Clock clock;
  private final List<Path> finished = new ArrayList<>();

  private Writer out;
  private Path inProgress;
  private Path target;
  private Instant openedAt;
  private long bytes;
  private int fileNumber;

  /**
   * @param part distinguishes writers sharing the directory, e.g. the subtask index
   */
  public RecordingWriter(RecordingOptions options, String part, Clock clock) {
    this.options = options;
    this.part = part;
    this.clock = clock;
  }

  /** Appends one line, rotating first if the current file is full or old. */
  public void write(RecordedLine line) throws IOException {
    Instant now = clock.instant();
    if (out != null && (bytes >= options.maxFileBytes()
        || !now.isBefore(openedAt.plus(options.maxFileAge())))) {
      finishFile();
    }
    if (out == null) {
      openFile(now);
    }
    String text = line.encode();
    out.write(text);
    out.write('\n');
    // Lines are ASCII except for non-ASCII message characters; count UTF-8 bytes only where needed.
    bytes += utf8Length(text) + 1;
  }

  /** Writes buffered lines through to the file system. */
  public void flush() throws IOException {
    if (out != null) {
      out.flush();
    }
  }

  /** Files completed so far, oldest first. */
  public List<Path> finishedFiles() {
    return List.copyOf(finished);
  }

  @Override
  public void close() throws IOException {
    finishFile();
  }

  private void openFile(Instant now) throws IOException {
    Path dir = options.directory();
    Files.createDirectories(dir);
    // A restarted task may open its first file in the same millisecond as an earlier writer: never overwrite.
    do {
      fileNumber++;
      String name = String.format("%s-%s-%s-%06d.jsonl%s", options.prefix(), STAMP.format(now), part, fileNumber,
          options.gzip() ? ".gz" : "");
      target = dir.resolve(name);
      inProgress = dir.resolve("." + name + ".inprogress");
    } while (Files.exists(target) || Files.exists(inProgress));
    OutputStream stream = new BufferedOutputStream(Files.newOutputStream(inProgress), 64 * 1024);
    if (options.gzip()) {
      stream = new GZIPOutputStream(stream, 64 * 1024, true);
    }
    out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    openedAt = now;
    bytes = 0;
  }

  private void finishFile() throws IOException {
    if (out == null) {
      return;
    }
    Writer closing = out;
    out = null;
    closing.close();
    Files.move(inProgress, target, StandardCopyOption.ATOMIC_MOVE);
    finished.add(target);
  }

  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
