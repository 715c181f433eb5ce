package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class NoWindowEnd {
  @PrimaryKey(from = "productId") String ticker;
  @Count long trades;
}
