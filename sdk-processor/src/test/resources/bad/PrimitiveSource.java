package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices", eventTime = "time",
    source = int.class)
@TumblingWindow(size = "1m")
public class PrimitiveSource {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
}
