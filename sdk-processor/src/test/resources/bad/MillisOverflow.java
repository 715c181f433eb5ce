package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices", source = Ticker.class, eventTime = "time")
@SlidingWindow(size = "1m",
    slide = "106751991167300d")
public class MillisOverflow {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
}
