package io.featuresdk.runtime.testing;

/** Stand-in for a generated accumulator. */
public final class ClickAccumulator {
  public String user;
  public long count;
  public double sum;
  public double min;
  public double max;
}
