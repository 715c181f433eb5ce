package test;

import java.time.Instant;

/** A Coinbase-style ticker event, read through getters. */
public class Ticker {
  private String productId;
  private double price;
  private Double lastSize;
  private Instant time;

  public Ticker() {}

  public Ticker(String productId, double price, Double lastSize, Instant time) {
    this.productId = productId;
    this.price = price;
    this.lastSize = lastSize;
    this.time = time;
  }

  public String getProductId() {
    return productId;
  }

  public double getPrice() {
    return price;
  }

  public Double getLastSize() {
    return lastSize;
  }

  public Instant getTime() {
    return time;
  }
}
