package io.featuresdk.runtime.spi;

/** Formats millisecond durations in the short form the annotations use ({@code 5m}, {@code 1h}). */
final class DurationLabels {
  private static final long[] UNIT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
  private static final String[] UNIT_SUFFIXES = {"d", "h", "m", "s", "ms"};

  private DurationLabels() {}

  static String format(long millis) {
    for (int i = 0; i < UNIT_MILLIS.length; i++) {
      if (millis % UNIT_MILLIS[i] == 0) {
        return (millis / UNIT_MILLIS[i]) + UNIT_SUFFIXES[i];
      }
    }
    throw new AssertionError("every duration is a whole number of milliseconds");
  }
}
