package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices", source = Ticker.class, eventTime = "time",
    maxOutOfOrderness = "PT2562047788015215H")
@TumblingWindow(size = "1m")
public class IsoDurationOverflow {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
}
