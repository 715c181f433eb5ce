package io.featuresdk.processor;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations the annotations accept: a whole number and a unit ({@code 500ms},
 * {@code 90s}, {@code 5m}, {@code 1h}, {@code 1d}) or ISO-8601 ({@code PT5M}).
 */
final class Durations {
  /** The accepted forms, quoted in error messages. */
  static final String ACCEPTED_FORMS =
      "a whole number and a unit ms, s, m, h or d (\"500ms\", \"90s\", \"5m\", \"1h\", \"1d\")"
          + " or ISO-8601 (\"PT5M\")";

  private static final Pattern SHORT_FORM = Pattern.compile("(-?)(\\d+)(ms|s|m|h|d)");
  /** Stands for a short form too large for {@code Duration}: longer than any accepted duration. */
  private static final Duration BEYOND_RANGE = Duration.ofSeconds(Long.MAX_VALUE);

  private Durations() {}

  /** The parsed duration, or empty when {@code text} is in neither accepted form. */
  static Optional<Duration> parse(String text) {
    String trimmed = text.trim();
    Matcher matcher = SHORT_FORM.matcher(trimmed);
    if (matcher.matches()) {
      boolean negative = !matcher.group(1).isEmpty();
      try {
        long amount = Long.parseLong(matcher.group(1) + matcher.group(2));
        return Optional.of(
            switch (matcher.group(3)) {
              case "ms" -> Duration.ofMillis(amount);
              case "s" -> Duration.ofSeconds(amount);
              case "m" -> Duration.ofMinutes(amount);
              case "h" -> Duration.ofHours(amount);
              case "d" -> Duration.ofDays(amount);
              default -> throw new AssertionError(matcher.group(3));
            });
      } catch (ArithmeticException | NumberFormatException overflow) {
        return Optional.of(negative ? BEYOND_RANGE.negated() : BEYOND_RANGE);
      }
    }
    if (trimmed.length() > 1 && (trimmed.charAt(0) == 'P' || trimmed.charAt(0) == 'p'
        || trimmed.startsWith("-P") || trimmed.startsWith("-p"))) {
      try {
        Duration parsed = Duration.parse(trimmed);
        // Sub-millisecond parts would be silently dropped by the runtime, which works in millis.
        return parsed.getNano() % 1_000_000 == 0 ? Optional.of(parsed) : Optional.empty();
      } catch (DateTimeParseException | ArithmeticException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * The longest duration accepted, 100 years: far beyond any window, and far enough from
   * {@code Long.MAX_VALUE} milliseconds that window arithmetic on epoch timestamps cannot overflow.
   */
  static final Duration MAX = Duration.ofDays(36_500);

  /** The duration in milliseconds, or empty when it is longer than {@link #MAX}. */
  static Optional<Long> millis(Duration duration) {
    return duration.compareTo(MAX) > 0 ? Optional.empty() : Optional.of(duration.toMillis());
  }

  /** {@code millis} in the largest unit that expresses it exactly, as {@code WindowSpec.label()} does. */
  static String label(long millis) {
    long[] unitMillis = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    String[] suffixes = {"d", "h", "m", "s", "ms"};
    for (int i = 0; i < unitMillis.length; i++) {
      if (millis % unitMillis[i] == 0) {
        return (millis / unitMillis[i]) + suffixes[i];
      }
    }
    throw new AssertionError("unreachable: every duration is a whole number of milliseconds");
  }
}
