package test;

import io.featuresdk.annotations.Count;
import io.featuresdk.annotations.FeatureGroup;
import io.featuresdk.annotations.PrimaryKey;
import io.featuresdk.annotations.SlidingWindow;
import io.featuresdk.annotations.StdDev;
import io.featuresdk.annotations.TumblingWindow;
import io.featuresdk.annotations.Variance;
import io.featuresdk.annotations.WindowEnd;
import java.time.Instant;

@FeatureGroup(name = "volatility_{window}", version = 1, source = Quote.class,
    eventTime = "timeMillis", maxOutOfOrderness = "2s")
@SlidingWindow(size = "10s", slide = "5s")
@TumblingWindow(size = "10s", label = "10s_tumbling")
public class VolatilityFeatures {
  @PrimaryKey(from = "product") String ticker;
  @WindowEnd Instant timestamp;
  @Count long trades;
  @StdDev("price") Double priceStdDev;
  @Variance("price") Double priceVariance;
  @Variance(value = "price", population = true) double pricePopulationVariance;
  @StdDev(value = "size", population = true) Double sizePopulationStdDev;
}
