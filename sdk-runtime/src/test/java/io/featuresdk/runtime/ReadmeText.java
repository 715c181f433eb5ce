package io.featuresdk.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A README's text, for tests that read a claim's number from the README and compare it with the
 * code, so the two cannot drift apart. Paths are relative to a module directory.
 */
public final class ReadmeText {
  /** The root README, seen from a module. */
  public static final ReadmeText ROOT = new ReadmeText(Path.of("..", "README.md"));
  /** sdk-runtime's README, seen from a module. */
  public static final ReadmeText RUNTIME = new ReadmeText(Path.of("..", "sdk-runtime", "README.md"));

  private final Path path;

  private ReadmeText(Path path) {
    this.path = path;
  }

  /** The first match of {@code regex}; fails the test when the README no longer says it. */
  public Matcher find(String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text());
    assertTrue(matcher.find(), path + " states /" + regex + "/");
    return matcher;
  }

  /** The number in the first group of {@code regex}. */
  public long number(String regex) {
    return Long.parseLong(find(regex).group(1).replace(",", "").replace(" ", ""));
  }

  /** The first group of {@code regex} as seconds. */
  public Duration seconds(String regex) {
    return Duration.ofSeconds(number(regex));
  }

  /** The text from the first {@code from} up to the next {@code until} (or the end). */
  public String section(String from, String until) {
    String text = text();
    int start = text.indexOf(from);
    assertTrue(start >= 0, path + " has \"" + from + "\"");
    int end = text.indexOf(until, start + from.length());
    return text.substring(start, end < 0 ? text.length() : end);
  }

  private String text() {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
