package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class GroupNameTooLong {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
}
