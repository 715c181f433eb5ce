package test;

import io.featuresdk.annotations.*;
import java.time.Instant;
import java.util.List;

@FeatureGroup(name = "prices_{window}", source = Ticker.class, eventTime = "time")
@TumblingWindow(size = "1m")
public class TopKSketchTooLarge {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @TopK(value = "productId", k = 3, lgMaxMapSize = 25) List<String> topProducts;
}
