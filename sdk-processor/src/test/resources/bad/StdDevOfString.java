package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class StdDevOfString {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @StdDev("productId") Double spread;
}
