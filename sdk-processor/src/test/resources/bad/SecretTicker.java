package test;

import java.time.Instant;

/** A source whose {@code secret} field has no getter. */
public class SecretTicker {
  private String productId;
  private Instant time;
  private double secret;

  public String getProductId() {
    return productId;
  }

  public Instant getTime() {
    return time;
  }
}
