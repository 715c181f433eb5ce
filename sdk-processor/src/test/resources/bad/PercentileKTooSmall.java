package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class PercentileKTooSmall {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @ApproxPercentile(value = "price", p = 0.95, k = 4) Double p95;
}
