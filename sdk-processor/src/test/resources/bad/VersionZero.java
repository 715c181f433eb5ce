package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", version = 0, source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class VersionZero {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
}
