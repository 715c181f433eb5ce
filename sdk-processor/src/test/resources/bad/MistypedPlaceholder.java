package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "{windows}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
@TumblingWindow(size = "1h")
public class MistypedPlaceholder {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
}
