package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@SlidingWindow(size = "24h", slide = "1h", label = "24H-Sliding")
@TumblingWindow(size = "1d")
public class InvalidWindowLabel {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
}
