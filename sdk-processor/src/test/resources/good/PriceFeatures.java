package test;

import io.featuresdk.annotations.Avg;
import io.featuresdk.annotations.Count;
import io.featuresdk.annotations.FeatureGroup;
import io.featuresdk.annotations.First;
import io.featuresdk.annotations.Last;
import io.featuresdk.annotations.Max;
import io.featuresdk.annotations.Min;
import io.featuresdk.annotations.PrimaryKey;
import io.featuresdk.annotations.SlidingWindow;
import io.featuresdk.annotations.Sum;
import io.featuresdk.annotations.WindowEnd;
import io.featuresdk.annotations.WindowStart;
import java.time.Instant;

@FeatureGroup(name = "eth_usd_price_{window}", version = 1, source = Ticker.class,
    eventTime = "time", maxOutOfOrderness = "30s",
    description = "ETH-USD price over sliding windows")
@SlidingWindow(size = "5m", slide = "1m")
@SlidingWindow(size = "10m", slide = "1m")
@SlidingWindow(size = "PT1H", slide = "1m")
public class PriceFeatures {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @WindowStart long windowStart;
  @Avg("price") double priceAvg;
  @Min("price") double priceMin;
  @Max("price") double priceMax;
  @First("price") double open;
  @Last("price") double close;
  @Count long trades;
  @Sum("lastSize") Double volume;
  @Avg(value = "lastSize", name = "avg_trade_size") private Double sizeAvg;

  public Double getSizeAvg() {
    return sizeAvg;
  }

  public void setSizeAvg(Double sizeAvg) {
    this.sizeAvg = sizeAvg;
  }
}
