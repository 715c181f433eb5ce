package test;

import io.featuresdk.annotations.Count;
import io.featuresdk.annotations.FeatureGroup;
import io.featuresdk.annotations.FirstN;
import io.featuresdk.annotations.LastN;
import io.featuresdk.annotations.PrimaryKey;
import io.featuresdk.annotations.SlidingWindow;
import io.featuresdk.annotations.TopK;
import io.featuresdk.annotations.TumblingWindow;
import io.featuresdk.annotations.WindowEnd;
import java.time.Instant;
import java.util.List;

/**
 * The n latest and earliest values: plain, of a nullable source, distinct (over derived inputs
 * with few values, so distinct values repeat and get evicted) and filtered; the k most frequent
 * values of sources with fewer distinct values than the sketch tracks exactly, and of prices, which
 * have more.
 */
@FeatureGroup(name = "recent_{window}", version = 1, source = Quote.class,
    eventTime = "timeMillis", maxOutOfOrderness = "2s")
@SlidingWindow(size = "10s", slide = "5s")
@TumblingWindow(size = "10s", label = "10s_tumbling")
public class RecentFeatures {
  @PrimaryKey(from = "product") String ticker;
  @WindowEnd Instant timestamp;
  @Count long trades;
  @LastN(value = "price", n = 5) List<Double> lastPrices;
  @FirstN(value = "price", n = 3) List<Double> firstPrices;
  @LastN(value = "size", n = 4) List<Double> lastSizes;
  @LastN(value = "priceBand", n = 3, distinct = true) List<String> lastDistinctBands;
  @FirstN(value = "priceMod7", n = 4, distinct = true) List<Long> firstDistinctMod7;
  @LastN(value = "price", n = 2, where = "buy") List<Double> lastBuyPrices;
  @FirstN(value = "buy", n = 2) List<Boolean> firstSides;
  @FirstN(value = "priceAsFloat", n = 2) List<Float> firstFloatPrices;
  @TopK(value = "priceBand", k = 3) List<String> topBands;
  @TopK(value = "priceMod7", k = 2, where = "buy") List<Long> topBuyMod7;
  @TopK(value = "priceBucket", k = 4, lgMaxMapSize = 5) List<Integer> topBuckets;
  @TopK(value = "buy", k = 1) List<Boolean> majoritySide;
  @TopK(value = "price", k = 3, lgMaxMapSize = 6) List<Double> topPrices;

  static String priceBand(Quote quote) {
    return "band" + (int) (quote.price / 10);
  }

  static long priceMod7(Quote quote) {
    return Math.round(quote.price) % 7;
  }

  static float priceAsFloat(Quote quote) {
    return (float) quote.price;
  }

  static int priceBucket(Quote quote) {
    return (int) quote.price % 13;
  }
}
