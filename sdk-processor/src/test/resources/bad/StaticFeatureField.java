package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class StaticFeatureField {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @Count static long trades;
}
