package test;

import io.featuresdk.annotations.Avg;
import io.featuresdk.annotations.Count;
import io.featuresdk.annotations.Derived;
import io.featuresdk.annotations.FeatureGroup;
import io.featuresdk.annotations.Last;
import io.featuresdk.annotations.Min;
import io.featuresdk.annotations.PrimaryKey;
import io.featuresdk.annotations.SlidingWindow;
import io.featuresdk.annotations.StdDev;
import io.featuresdk.annotations.Sum;
import io.featuresdk.annotations.TumblingWindow;
import io.featuresdk.annotations.WindowEnd;
import java.time.Instant;

/**
 * Filters (a boolean source field, a static predicate), a derived input (notional), several
 * aggregates of one field with different filters, and features derived from the row (VWAP).
 */
@FeatureGroup(name = "notional_{window}", version = 1, source = Quote.class,
    eventTime = "timeMillis", maxOutOfOrderness = "2s")
@SlidingWindow(size = "10s", slide = "5s")
@TumblingWindow(size = "10s", label = "10s_tumbling")
public class NotionalFeatures {
  @PrimaryKey(from = "product") String ticker;
  @WindowEnd Instant timestamp;
  @Count long trades;
  @Count(where = "large") long largeTrades;
  @Count(where = "flagged") long flaggedTrades;
  @Sum("notional") Double notional;
  @Sum(value = "notional", where = "buy") Double buyNotional;
  @Sum(value = "size", where = "large") Double largeVolume;
  @Avg(value = "price", where = "large") Double largePriceAvg;
  @Min(value = "price", where = "buy") Double buyPriceMin;
  @Last(value = "price", where = "buy") Double lastBuyPrice;
  @StdDev(value = "price", where = "buy") Double buyPriceStdDev;
  @Sum("size") Double volume;
  @Derived("vwap") Double vwap;
  @Derived("largeShare") double largeShare;

  /** The traded value; none when the size is unknown. */
  static Double notional(Quote quote) {
    return quote.size == null ? null : quote.price * quote.size;
  }

  /** The volume-weighted average price; none without a known size. */
  Double vwap() {
    return notional == null || volume == 0 ? null : notional / volume;
  }

  /** The fraction of trades that were large. */
  double largeShare() {
    return (double) largeTrades / trades;
  }

  /** Trades of at least 2.5 units. */
  static boolean large(Quote quote) {
    return quote.size != null && quote.size >= 2.5;
  }
}
