package io.featuresdk.benchmarks;

import io.featuresdk.annotations.Avg;
import io.featuresdk.annotations.Count;
import io.featuresdk.annotations.FeatureGroup;
import io.featuresdk.annotations.LastN;
import io.featuresdk.annotations.Max;
import io.featuresdk.annotations.Min;
import io.featuresdk.annotations.PrimaryKey;
import io.featuresdk.annotations.SlidingWindow;
import io.featuresdk.annotations.Sum;
import io.featuresdk.annotations.TopK;
import io.featuresdk.annotations.WindowEnd;
import java.time.Instant;
import java.util.List;

/**
 * {@link TradeFeatures} plus list features: the last 5 trade prices and the 3 most frequent trade
 * sizes (a frequent-items sketch).
 */
@FeatureGroup(
    name = "trade_recent_{window}",
    version = 1,
    source = Trade.class,
    eventTime = "time",
    maxOutOfOrderness = "30s",
    description = "benchmark trades over sliding windows, with list features")
@SlidingWindow(size = "5m", slide = "1m")
@SlidingWindow(size = "10m", slide = "1m")
@SlidingWindow(size = "60m", slide = "1m")
public class TradeRecentFeatures {
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

  @LastN(value = "price", n = 5)
  public List<Double> lastPrices;

  @TopK(value = "lastSize", k = 3)
  public List<Double> topSizes;
}
