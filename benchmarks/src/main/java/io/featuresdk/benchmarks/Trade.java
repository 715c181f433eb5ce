package io.featuresdk.benchmarks;

/** A generated trade: the source event of every benchmarked pipeline. A Flink POJO. */
public class Trade {
  public String productId;
  public long time;
  public double price;
  public double lastSize;

  public Trade() {}

  public Trade(String productId, long time, double price, double lastSize) {
    this.productId = productId;
    this.time = time;
    this.price = price;
    this.lastSize = lastSize;
  }
}
