package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "timestamp")
@TumblingWindow(size = "1m")
public class UnknownEventTime {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
}
