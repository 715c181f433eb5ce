package io.featuresdk.example.ethusd;

import io.featuresdk.annotations.Avg;
import io.featuresdk.annotations.Count;
import io.featuresdk.annotations.Derived;
import io.featuresdk.annotations.FeatureGroup;
import io.featuresdk.annotations.First;
import io.featuresdk.annotations.Last;
import io.featuresdk.annotations.Max;
import io.featuresdk.annotations.Min;
import io.featuresdk.annotations.PrimaryKey;
import io.featuresdk.annotations.SlidingWindow;
import io.featuresdk.annotations.StdDev;
import io.featuresdk.annotations.Sum;
import io.featuresdk.annotations.WindowEnd;
import java.time.Instant;

/**
 * ETH-USD price features over the last 5, 10 and 60 minutes, refreshed every minute: the features
 * of the Hopsworks blog "Building Feature Pipelines with Apache Flink", declared instead of
 * hand-written. Each window is its own feature group: {@code eth_usd_price_5m},
 * {@code eth_usd_price_10m} and {@code eth_usd_price_60m}.
 */
@FeatureGroup(
    name = "eth_usd_price_{window}",
    version = 1,
    source = Ticker.class,
    eventTime = "time",
    maxOutOfOrderness = "30s",
    description = "Coinbase ETH-USD trade prices over sliding windows")
@SlidingWindow(size = "5m", slide = "1m")
@SlidingWindow(size = "10m", slide = "1m")
@SlidingWindow(size = "60m", slide = "1m")
public class PriceFeatures {
  @PrimaryKey(from = "productId")
  String ticker;

  @WindowEnd
  Instant timestamp;

  @Avg("price")
  double priceAvg;

  @Min("price")
  double priceMin;

  @Max("price")
  double priceMax;

  @First("price")
  double priceOpen;

  @Last("price")
  double priceClose;

  @Count
  long trades;

  @Sum("lastSize")
  double volume;

  /** Price volatility: the sample standard deviation of trade prices (none for one trade). */
  @StdDev("price")
  Double priceStdDev;

  /** The traded value, price × size, summed over the window (a derived input). */
  @Sum("notional")
  double notional;

  /** The volume-weighted average price, computed from the row's notional and volume. */
  @Derived("vwap")
  Double vwap;

  /** The traded value of one trade, aggregated by {@link #notional}. */
  static double notional(Ticker ticker) {
    return ticker.getPrice() * ticker.getLastSize();
  }

  /** Notional over volume; none when no size was traded. */
  Double vwap() {
    return volume == 0 ? null : notional / volume;
  }

  public String getTicker() {
    return ticker;
  }

  public Instant getTimestamp() {
    return timestamp;
  }

  public double getPriceAvg() {
    return priceAvg;
  }

  public double getPriceMin() {
    return priceMin;
  }

  public double getPriceMax() {
    return priceMax;
  }

  public double getPriceOpen() {
    return priceOpen;
  }

  public double getPriceClose() {
    return priceClose;
  }

  public long getTrades() {
    return trades;
  }

  public double getVolume() {
    return volume;
  }

  public Double getPriceStdDev() {
    return priceStdDev;
  }

  public double getNotional() {
    return notional;
  }

  public Double getVwap() {
    return vwap;
  }

  @Override
  public String toString() {
    return ticker + " " + timestamp + " avg=" + priceAvg + " min=" + priceMin + " max=" + priceMax
        + " open=" + priceOpen + " close=" + priceClose + " trades=" + trades + " volume=" + volume
        + " stddev=" + priceStdDev + " vwap=" + vwap;
  }
}
