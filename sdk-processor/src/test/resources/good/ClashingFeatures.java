package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

/** Package-private fields, no setters: a row class written like the README's example. */
@FeatureGroup(name = "clashing", source = ClashingTick.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class ClashingFeatures {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @Max("eventTimeMillis") long latest;
  @First("eventTimeMillis_") Double firstValue;
}
