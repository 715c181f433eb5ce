package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class DerivedInputPrivate {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @Sum("notional") Double notional;

  private static Double notional(Ticker ticker) {
    return 1.0;
  }
}
