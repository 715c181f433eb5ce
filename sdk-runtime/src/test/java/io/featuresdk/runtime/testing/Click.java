package io.featuresdk.runtime.testing;

/** Test source event: one click by {@code user} at {@code timeMillis} worth {@code amount}. */
public final class Click {
  public String user;
  public long timeMillis;
  public double amount;

  public Click() {}

  public Click(String user, long timeMillis, double amount) {
    this.user = user;
    this.timeMillis = timeMillis;
    this.amount = amount;
  }

  @Override
  public String toString() {
    return user + "@" + timeMillis + "=" + amount;
  }
}
