package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@SlidingWindow(size = "5m", slide = "1m")
@SlidingWindow(size = "7m", slide = "2m")
public class BadWindowInsideRepeatedList {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
}
