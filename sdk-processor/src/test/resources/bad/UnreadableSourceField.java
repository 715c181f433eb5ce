package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = SecretTicker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class UnreadableSourceField {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @Sum("secret") double secretSum;
}
