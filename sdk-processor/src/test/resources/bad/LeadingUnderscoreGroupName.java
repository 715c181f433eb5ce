package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "_prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class LeadingUnderscoreGroupName {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
}
