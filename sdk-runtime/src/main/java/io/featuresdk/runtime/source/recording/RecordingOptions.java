package io.featuresdk.runtime.source.recording;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how a live source tees its raw messages: JSON-lines files (see {@link RecordedLine}) in one
 * directory, rotated by size and age, optionally gzip-compressed.
 *
 * <pre>{@code
 * WebSocketSource.<Ticker>builder()...
 *     .record(RecordingOptions.in(Path.of("recordings")).rotateEvery(Duration.ofHours(1)).gzip(true))
 * }</pre>
 *
 * <p>Defaults: file prefix {@code messages}, rotate at 256 MiB (uncompressed) or after one hour, no gzip. The
 * directory must be reachable from the task manager that runs the source (a local path on the MiniCluster).
 */
public final class RecordingOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String directory;
  private final String prefix;
  private final long maxFileBytes;
  private final Duration maxFileAge;
  private final boolean gzip;

  private RecordingOptions(String directory, String prefix, long maxFileBytes, Duration maxFileAge, boolean gzip) {
    this.directory = directory;
    this.prefix = prefix;
    this.maxFileBytes = maxFileBytes;
    this.maxFileAge = maxFileAge;
    this.gzip = gzip;
  }

  /** Records into {@code directory} (created if missing) with the defaults. */
  public static RecordingOptions in(Path directory) {
    return new RecordingOptions(directory.toAbsolutePath().toString(), "messages", 256L << 20, Duration.ofHours(1),
        false);
  }

  /** File names start with {@code prefix} ({@code [A-Za-z0-9_-]+}). */
  public RecordingOptions prefix(String prefix) {
    if (!prefix.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("recording prefix must match [A-Za-z0-9_-]+, was '" + prefix + "'");
    }
    return new RecordingOptions(directory, prefix, maxFileBytes, maxFileAge, gzip);
  }

  /** Starts a new file once the current one holds {@code bytes} of (uncompressed) lines. */
  public RecordingOptions rotateAtBytes(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("rotateAtBytes must be positive, was " + bytes);
    }
    return new RecordingOptions(directory, prefix, bytes, maxFileAge, gzip);
  }

  /** Starts a new file once the current one has been open for {@code age}. */
  public RecordingOptions rotateEvery(Duration age) {
    if (age.isNegative() || age.isZero()) {
      throw new IllegalArgumentException("rotateEvery must be positive, was " + age);
    }
    return new RecordingOptions(directory, prefix, maxFileBytes, age, gzip);
  }

  /** Writes {@code .jsonl.gz} files instead of {@code .jsonl}. */
  public RecordingOptions gzip(boolean gzip) {
    return new RecordingOptions(directory, prefix, maxFileBytes, maxFileAge, gzip);
  }

  public Path directory() {
    return Path.of(directory);
  }

  public String prefix() {
    return prefix;
  }

  public long maxFileBytes() {
    return maxFileBytes;
  }

  public Duration maxFileAge() {
    return maxFileAge;
  }

  public boolean gzip() {
    return gzip;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RecordingOptions)) {
      return false;
    }
    RecordingOptions r = (RecordingOptions) o;
    return r.directory.equals(directory) && r.prefix.equals(prefix) && r.maxFileBytes == maxFileBytes
        && r.maxFileAge.equals(maxFileAge) && r.gzip == gzip;
  }

  @Override
  public int hashCode() {
    return Objects.hash(directory, prefix, maxFileBytes, maxFileAge, gzip);
  }
}
