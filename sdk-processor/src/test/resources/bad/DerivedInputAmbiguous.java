package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class DerivedInputAmbiguous {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @Sum("price") double total;

  static double price(Ticker ticker) {
    return 2 * ticker.getPrice();
  }
}
