package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

/** A sliding and a tumbling day in one class, told apart by a label. */
@FeatureGroup(name = "card_spend_{window}", source = Ticker.class, eventTime = "time")
@SlidingWindow(size = "24h", slide = "1h", label = "24h_hourly")
@TumblingWindow(size = "1d")
public class DayFeatures {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @Sum("price") double spend;
}
