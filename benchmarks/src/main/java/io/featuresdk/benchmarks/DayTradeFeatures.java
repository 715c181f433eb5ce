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

/** Where merging dominates: one day every 10 seconds, 8,640 slices per window. */
@FeatureGroup(
    name = "trades_day",
    version = 1,
    source = Trade.class,
    eventTime = "time",
    maxOutOfOrderness = "30s",
    description = "benchmark trades over a day, every 10 seconds")
@SlidingWindow(size = "1d", slide = "10s")
public class DayTradeFeatures {
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
