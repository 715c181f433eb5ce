package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class WhereNotBoolean {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @Count(where = "price") long expensive;
}
