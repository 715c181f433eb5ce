package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time",
    maxOutOfOrderness = "-5s")
@TumblingWindow(size = "1m")
public class NegativeOutOfOrderness {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
}
