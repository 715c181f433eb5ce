package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class DistinctOfInstants {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @ApproxCountDistinct("time") long times;
}
