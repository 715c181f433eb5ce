package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class DerivedWithoutMethod {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @Max("price") double high;
  @Min("price") double low;
  @Derived("spread") double spread;
}
