package test;

import io.featuresdk.annotations.*;
import java.time.Instant;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class FilteredMinIntoPrimitive {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @Min(value = "price", where = "up") double upMin;

  static boolean up(Ticker ticker) {
    return ticker.getPrice() > 100;
  }
}
