package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class DistinctLgKTooLarge {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @ApproxCountDistinct(value = "price", lgK = 30) long prices;
}
