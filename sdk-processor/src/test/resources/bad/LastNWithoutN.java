package test;

import io.featuresdk.annotations.*;
import java.time.Instant;
import java.util.List;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class LastNWithoutN {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @LastN("price") List<Double> lastPrices;
}
