package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class NoPrimaryKey {
  @WindowEnd Instant timestamp;
  @Count long trades;
}
