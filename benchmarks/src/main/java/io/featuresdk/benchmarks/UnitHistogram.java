package io.featuresdk.benchmarks;

/**
 * Counts values per unit (microseconds, milliseconds...) up to a bound, so recording takes
 * constant memory however long a benchmark runs; values above the bound count in the last bucket.
 */
final class UnitHistogram {
  private final long[] perUnit;
  private long count;
  private long max;

  /** @param bound the largest value counted exactly, in units */
  UnitHistogram(int bound) {
    perUnit = new long[bound + 1];
  }

  void record(long units) {
    perUnit[(int) Math.max(0, Math.min(units, perUnit.length - 1))]++;
    count++;
    max = Math.max(max, units);
  }

  long count() {
    return count;
  }

  long max() {
    return max;
  }

  /** The upper bound of the bucket holding the percentile (0 when empty). */
  long percentile(double percentile) {
    long rank = (long) Math.ceil(count * percentile / 100);
    long seen = 0;
    for (int unit = 0; unit < perUnit.length; unit++) {
      seen += perUnit[unit];
      if (seen >= rank && seen > 0) {
        return unit + 1;
      }
    }
    return count == 0 ? 0 : perUnit.length;
  }
}
