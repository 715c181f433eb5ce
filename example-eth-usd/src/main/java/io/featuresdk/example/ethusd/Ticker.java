package io.featuresdk.example.ethusd;

import java.time.Instant;
import java.util.Objects;

/**
 * One Coinbase {@code ticker} message: a match (trade) on one product, with the order book's best bid and ask
 * after it. A Flink POJO (public no-arg constructor, getters and setters).
 *
 * <p>Prices and sizes are doubles parsed from Coinbase's decimal strings with {@link Double#parseDouble}, which
 * rounds correctly to the nearest double. {@code time} keeps Coinbase's microsecond precision.
 */
public class Ticker {

  private String productId;
  private long sequence;
  private double price;
  private double lastSize;
  private double bestBid;
  private double bestAsk;
  private String side;
  private long tradeId;
  private Instant time;

  public Ticker() {}

  public Ticker(String productId, long sequence, double price, double lastSize, double bestBid, double bestAsk,
      String side, long tradeId, Instant time) {
    this.productId = productId;
    this.sequence = sequence;
    this.price = price;
    this.lastSize = lastSize;
    this.bestBid = bestBid;
    this.bestAsk = bestAsk;
    this.side = side;
    this.tradeId = tradeId;
    this.time = time;
  }

  /** The product, e.g. {@code ETH-USD}. */
  public String getProductId() {
    return productId;
  }

  public void setProductId(String productId) {
    this.productId = productId;
  }

  /** Coinbase's per-product sequence number (64 bit; increasing, not contiguous within the ticker channel). */
  public long getSequence() {
    return sequence;
  }

  public void setSequence(long sequence) {
    this.sequence = sequence;
  }

  /** Price of the last match, in the quote currency. */
  public double getPrice() {
    return price;
  }

  public void setPrice(double price) {
    this.price = price;
  }

  /** Size of the last match, in the base currency. */
  public double getLastSize() {
    return lastSize;
  }

  public void setLastSize(double lastSize) {
    this.lastSize = lastSize;
  }

  public double getBestBid() {
    return bestBid;
  }

  public void setBestBid(double bestBid) {
    this.bestBid = bestBid;
  }

  public double getBestAsk() {
    return bestAsk;
  }

  public void setBestAsk(double bestAsk) {
    this.bestAsk = bestAsk;
  }

  /** Taker side, {@code buy} or {@code sell}. */
  public String getSide() {
    return side;
  }

  public void setSide(String side) {
    this.side = side;
  }

  public long getTradeId() {
    return tradeId;
  }

  public void setTradeId(long tradeId) {
    this.tradeId = tradeId;
  }

  /** When the match happened (the event time), microsecond precision. */
  public Instant getTime() {
    return time;
  }

  public void setTime(Instant time) {
    this.time = time;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Ticker)) {
      return false;
    }
    Ticker t = (Ticker) o;
    return sequence == t.sequence
        && Double.compare(price, t.price) == 0
        && Double.compare(lastSize, t.lastSize) == 0
        && Double.compare(bestBid, t.bestBid) == 0
        && Double.compare(bestAsk, t.bestAsk) == 0
        && tradeId == t.tradeId
        && Objects.equals(productId, t.productId)
        && Objects.equals(side, t.side)
        && Objects.equals(time, t.time);
  }

  @Override
  public int hashCode() {
    return Objects.hash(productId, sequence, price, lastSize, bestBid, bestAsk, side, tradeId, time);
  }

  @Override
  public String toString() {
    return "Ticker{" + productId + " #" + sequence + " price=" + price + " size=" + lastSize + " bid=" + bestBid
        + " ask=" + bestAsk + " " + side + " trade=" + tradeId + " " + time + "}";
  }
}
