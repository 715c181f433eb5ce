package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", version = 0, source = Ticker.class, eventTime = "time")
@SlidingWindow(size = "5m", slide = "2m")
public class ManyProblems {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @Avg("prize") double priceAvg;
}
