package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "ETH_prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class InvalidGroupName {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
}
