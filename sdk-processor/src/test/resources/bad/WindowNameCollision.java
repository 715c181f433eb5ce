package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@SlidingWindow(size = "5m", slide = "1m")
@TumblingWindow(size = "5m")
public class WindowNameCollision {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
}
