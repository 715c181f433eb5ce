package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@SlidingWindow(size = "5m", slide = "2m")
public class SizeNotMultipleOfSlide {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
}
