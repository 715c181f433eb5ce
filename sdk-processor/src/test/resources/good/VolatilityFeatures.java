package test;

import io.featuresdk.annotations.Count;
import io.featuresdk.annotations.FeatureGroup;
import io.featuresdk.annotations.PrimaryKey;
import io.featuresdk.annotations.StdDev;
import io.featuresdk.annotations.TumblingWindow;
import io.featuresdk.annotations.Variance;
import io.featuresdk.annotations.WindowEnd;
import java.time.Instant;

@FeatureGroup(name = "eth_usd_volatility", version = 1, source = Ticker.class,
    eventTime = "time", maxOutOfOrderness = "10s")
@TumblingWindow(size = "5m")
public class VolatilityFeatures {
  @PrimaryKey(from = "productId") String ticker;
  @WindowEnd Instant timestamp;
  @Count long trades;
  @StdDev("price") Double priceStdDev;
  @Variance("price") Double priceVariance;
  @Variance(value = "price", population = true) double pricePopulationVariance;
  @StdDev(value = "lastSize", population = true) Double sizePopulationStdDev;
}
