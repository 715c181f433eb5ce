package io.featuresdk.benchmarks;

import io.featuresdk.annotations.ApproxCountDistinct;
import io.featuresdk.annotations.ApproxPercentile;
import io.featuresdk.annotations.Avg;
import io.featuresdk.annotations.Count;
import io.featuresdk.annotations.FeatureGroup;
import io.featuresdk.annotations.Max;
import io.featuresdk.annotations.Min;
import io.featuresdk.annotations.PrimaryKey;
import io.featuresdk.annotations.SlidingWindow;
import io.featuresdk.annotations.StdDev;
import io.featuresdk.annotations.Sum;
import io.featuresdk.annotations.WindowEnd;
import java.time.Instant;

/**
 * {@link TradeFeatures} plus what a quant adds: price volatility, the number of distinct trade
 * sizes (an HLL sketch) and the 95th percentile of the price (a KLL sketch).
 */
@FeatureGroup(
    name = "trade_sketches_{window}",
    version = 1,
    source = Trade.class,
    eventTime = "time",
    maxOutOfOrderness = "30s",
    description = "benchmark trades over sliding windows, with sketches")
@SlidingWindow(size = "5m", slide = "1m")
@SlidingWindow(size = "10m", slide = "1m")
@SlidingWindow(size = "60m", slide = "1m")
public class TradeSketchFeatures {
  @PrimaryKey(from = "productId")
  public String productId;

  @WindowEnd
  public Instant timestamp;

  @Avg("price")
  public double priceAvg;

  @Min("price")
  public double priceMin;

  @Max("price")
  public double priceMax;

  @Count
  public long trades;

  @Sum("lastSize")
  public double volume;

  @StdDev("price")
  public Double priceStdDev;

  @ApproxCountDistinct("lastSize")
  public long distinctSizes;

  @ApproxPercentile(value = "price", p = 0.95)
  public double priceP95;
}
