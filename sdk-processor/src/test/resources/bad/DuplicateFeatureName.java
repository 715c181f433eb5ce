package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class DuplicateFeatureName {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @Min("price") double priceMin;
  @Max(value = "price", name = "price_min") double priceMax;
}
