package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class PercentileIntoLong {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @ApproxPercentile(value = "price", p = 0.5) long median;
}
