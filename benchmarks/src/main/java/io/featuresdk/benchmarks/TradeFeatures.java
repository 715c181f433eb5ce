package io.featuresdk.benchmarks;

import io.featuresdk.annotations.Avg;
import io.featuresdk.annotations.Count;
import io.featuresdk.annotations.FeatureGroup;
import io.featuresdk.annotations.Max;
import io.featuresdk.annotations.Min;
import io.featuresdk.annotations.PrimaryKey;
import io.featuresdk.annotations.SlidingWindow;
import io.featuresdk.annotations.Sum;
import io.featuresdk.annotations.WindowEnd;
import java.time.Instant;

/**
 * The ETH-USD window set (5, 10 and 60 minutes every minute) with the aggregates every benchmarked
 * engine computes the same way: avg, min, max, count and sum.
 */
@FeatureGroup(
    name = "trades_{window}",
    version = 1,
    source = Trade.class,
    eventTime = "time",
    maxOutOfOrderness = "30s",
    description = "benchmark trades over sliding windows")
@SlidingWindow(size = "5m", slide = "1m")
@SlidingWindow(size = "10m", slide = "1m")
@SlidingWindow(size = "60m", slide = "1m")
public class TradeFeatures {
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
}
