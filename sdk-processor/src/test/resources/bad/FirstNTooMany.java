package test;

import io.featuresdk.annotations.*;
import java.time.Instant;
import java.util.List;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class FirstNTooMany {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @FirstN(value = "price", n = 5000) List<Double> firstPrices;
}
