package test;

import io.featuresdk.annotations.*;
import java.time.Instant;


public class InnerFeatureClass {
  @FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
  @TumblingWindow(size = "1m")
  class Inner {
    @PrimaryKey(from = "productId") String ticker;
    @WindowEnd Instant timestamp;
  }
}
