package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices", source = Ticker.class, eventTime = "time")
@SlidingWindow(size = "7d", slide = "1ms")
public class TooManySlides {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
}
