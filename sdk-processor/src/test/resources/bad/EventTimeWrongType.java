package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "price")
@TumblingWindow(size = "1m")
public class EventTimeWrongType {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
}
