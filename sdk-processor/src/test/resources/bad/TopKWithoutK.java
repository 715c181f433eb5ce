package test;

import io.featuresdk.annotations.*;
import java.time.Instant;
import java.util.List;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class TopKWithoutK {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @TopK("productId") List<String> topProducts;
}
