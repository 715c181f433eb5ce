package test;

import io.featuresdk.annotations.*;
import java.time.Instant;
import java.util.List;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class LastNWrongElement {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @LastN(value = "price", n = 3) List<Long> lastPrices;
}
