package io.featuresdk.runtime.testing;

/** Stand-in for the user's annotated feature class. */
public final class ClickFeatures {
  public String user;
  /** The window end in epoch milliseconds (micros in Avro). */
  public long windowEnd;
  public long count;
  public double sum;
  public double min;
  public double max;

  public ClickFeatures() {}

  @Override
  public String toString() {
    return "ClickFeatures{" + user + "@" + windowEnd + " count=" + count + " sum=" + sum
        + " min=" + min + " max=" + max + "}";
  }
}
