package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class DerivedInputUnsupportedType {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @Sum("notional") Double notional;

  static java.math.BigDecimal notional(Ticker ticker) {
    return java.math.BigDecimal.ONE;
  }
}
