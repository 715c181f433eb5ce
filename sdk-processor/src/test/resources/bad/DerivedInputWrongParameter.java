package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class DerivedInputWrongParameter {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @Sum("notional") Double notional;

  static Double notional(String ticker) {
    return 1.0;
  }
}
