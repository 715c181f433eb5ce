package io.featuresdk.runtime.testing;

/** Stand-in for a generated input record: only what the aggregation needs. */
public final class ClickInput {
  public String user;
  public double amount;

  public ClickInput(String user, double amount) {
    this.user = user;
    this.amount = amount;
  }
}
