package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class CountDistinctMaxTooLarge {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @CountDistinct(value = "price", max = 5000000) long prices;
}
