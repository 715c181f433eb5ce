package io.featuresdk.benchmarks;

/** One window's result in a form every variant can produce, for the cross-check. A Flink POJO. */
public class ResultRow {
  public String window;
  public String key;
  public long endMillis;
  public long trades;
  public double volume;
  public double priceMin;
  public double priceMax;
  public double priceAvg;

  public ResultRow() {}

  public ResultRow(String window, String key, long endMillis, long trades, double volume,
      double priceMin, double priceMax, double priceAvg) {
    this.window = window;
    this.key = key;
    this.endMillis = endMillis;
    this.trades = trades;
    this.volume = volume;
    this.priceMin = priceMin;
    this.priceMax = priceMax;
    this.priceAvg = priceAvg;
  }

  String id() {
    return window + "|" + key + "|" + endMillis;
  }

  /**
   * Whether {@code other} is the same result: counts, minima and maxima exactly, sums and averages
   * within {@code 1e-9} relative (engines add the same values in different orders).
   */
  boolean sameAs(ResultRow other) {
    return id().equals(other.id())
        && trades == other.trades
        && priceMin == other.priceMin
        && priceMax == other.priceMax
        && close(volume, other.volume)
        && close(priceAvg, other.priceAvg);
  }

  private static boolean close(double a, double b) {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
  }

  @Override
  public String toString() {
    return id() + " trades=" + trades + " volume=" + volume + " min=" + priceMin + " max="
        + priceMax + " avg=" + priceAvg;
  }
}
