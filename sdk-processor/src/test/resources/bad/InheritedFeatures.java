package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class InheritedFeatures extends InheritedFeaturesBase {
  @WindowEnd Instant timestamp;
}

/** Features declared here are not read. */
class InheritedFeaturesBase {
  @PrimaryKey(from = "productId") String ticker;
  @Count long trades;
}
