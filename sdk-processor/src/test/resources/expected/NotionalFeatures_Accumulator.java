package test;

import javax.annotation.processing.Generated;

/**
 * The running state of {@link NotionalFeatures} over a set of events, updated in place.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class NotionalFeatures_Accumulator {
  /**
   * The number of events added; zero means empty.
   */
  public long eventCount;

  /**
   * Primary key {@code ticker}, from the first event.
   */
  public String key_ticker;

  /**
   * Events matching {@code where = "large"}.
   */
  public long largeTrades_matched;

  /**
   * Events matching {@code where = "flagged"}.
   */
  public long flaggedTrades_matched;

  /**
   * State of {@code @Sum("notional") notional}.
   */
  public double notional_sum;

  public long notional_count;

  /**
   * State of {@code @Sum("notional") buyNotional}.
   */
  public double buyNotional_sum;

  public long buyNotional_count;

  /**
   * Events matching {@code where = "buy"}.
   */
  public long buyNotional_matched;

  /**
   * State of {@code @Sum("size") largeVolume}.
   */
  public double largeVolume_sum;

  public long largeVolume_count;

  /**
   * Events matching {@code where = "large"}.
   */
  public long largeVolume_matched;

  /**
   * State of {@code @Avg("price") largePriceAvg}.
   */
  public double largePriceAvg_sum;

  public long largePriceAvg_count;

  /**
   * Events matching {@code where = "large"}.
   */
  public long largePriceAvg_matched;

  /**
   * State of {@code @Min("price") buyPriceMin}.
   */
  public double buyPriceMin_min;

  /**
   * Events matching {@code where = "buy"}.
   */
  public long buyPriceMin_matched;

  /**
   * State of {@code @Last("price") lastBuyPrice}.
   */
  public double lastBuyPrice_value;

  public long lastBuyPrice_time;

  /**
   * Events matching {@code where = "buy"}.
   */
  public long lastBuyPrice_matched;

  /**
   * State of {@code @StdDev("price") buyPriceStdDev}.
   */
  public long buyPriceStdDev_count;

  public double buyPriceStdDev_mean;

  public double buyPriceStdDev_m2;

  /**
   * Events matching {@code where = "buy"}.
   */
  public long buyPriceStdDev_matched;

  /**
   * State of {@code @Sum("size") volume}.
   */
  public double volume_sum;

  public long volume_count;
}
