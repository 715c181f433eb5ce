package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices", eventTime = "time",
    source = Ticker[].class)
@TumblingWindow(size = "1m")
public class ArraySource {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
}
