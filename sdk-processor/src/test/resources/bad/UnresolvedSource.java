package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = NoSuchEvent.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class UnresolvedSource {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
}
