package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class TransientFeatureField {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @Avg("price") transient double priceAvg;
}
