package test;

import io.featuresdk.annotations.ApproxCountDistinct;
import io.featuresdk.annotations.ApproxPercentile;
import io.featuresdk.annotations.Count;
import io.featuresdk.annotations.CountDistinct;
import io.featuresdk.annotations.FeatureGroup;
import io.featuresdk.annotations.PrimaryKey;
import io.featuresdk.annotations.SlidingWindow;
import io.featuresdk.annotations.TumblingWindow;
import io.featuresdk.annotations.WindowEnd;
import java.time.Instant;

/**
 * Sketch and set aggregates; the two unfiltered price percentiles share one KLL sketch; one exact
 * distinct count hits its cap.
 */
@FeatureGroup(name = "sketches_{window}", version = 1, source = Quote.class,
    eventTime = "timeMillis", maxOutOfOrderness = "2s")
@SlidingWindow(size = "10s", slide = "5s")
@TumblingWindow(size = "10s", label = "10s_tumbling")
public class SketchFeatures {
  @PrimaryKey(from = "product") String ticker;
  @WindowEnd Instant timestamp;
  @Count long trades;
  @ApproxCountDistinct("price") long distinctPrices;
  @ApproxCountDistinct(value = "size", lgK = 10, where = "buy") Long distinctBuySizes;
  @ApproxPercentile(value = "price", p = 0.95) double priceP95;
  @ApproxPercentile(value = "price", p = 0.5) Double priceMedian;
  @ApproxPercentile(value = "size", p = 0.9, where = "buy") Double buySizeP90;
  @CountDistinct(value = "price", max = 50) long distinctPricesUpTo50;
  @CountDistinct(value = "size", max = 100000, where = "buy") Long distinctBuySizesExact;
}
