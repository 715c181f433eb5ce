package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "9999999999999999999d")
public class DurationOverflow {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
}
