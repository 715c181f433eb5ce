package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class LeadingUnderscoreFeatureName {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @Count long _trades;
}
