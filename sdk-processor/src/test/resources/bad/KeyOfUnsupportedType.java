package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class KeyOfUnsupportedType {
  @PrimaryKey(from = "price") double price;
  @WindowEnd Instant timestamp;
}
