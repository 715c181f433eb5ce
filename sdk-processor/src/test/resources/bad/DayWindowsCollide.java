package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "card_spend_{window}", source = Ticker.class, eventTime = "time")
@SlidingWindow(size = "24h", slide = "1h")
@TumblingWindow(size = "1d")
public class DayWindowsCollide {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
}
