package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
public class NoWindow {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
}
