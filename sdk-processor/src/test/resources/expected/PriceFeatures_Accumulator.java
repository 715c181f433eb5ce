package test;

import javax.annotation.processing.Generated;

/**
 * The running state of {@link PriceFeatures} over a set of events, updated in place.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class PriceFeatures_Accumulator {
  /**
   * The number of events added; zero means empty.
   */
  public long eventCount;

  /**
   * Primary key {@code ticker}, from the first event.
   */
  public String key_ticker;

  /**
   * State of {@code @Avg("price") priceAvg}.
   */
  public double priceAvg_sum;

  public long priceAvg_count;

  /**
   * State of {@code @Min("price") priceMin}.
   */
  public double priceMin_min;

  /**
   * State of {@code @Max("price") priceMax}.
   */
  public double priceMax_max;

  /**
   * State of {@code @First("price") open}.
   */
  public double open_value;

  public long open_time;

  /**
   * State of {@code @Last("price") close}.
   */
  public double close_value;

  public long close_time;

  /**
   * State of {@code @Sum("lastSize") volume}.
   */
  public double volume_sum;

  public long volume_count;

  /**
   * State of {@code @Avg("lastSize") sizeAvg}.
   */
  public double sizeAvg_sum;

  public long sizeAvg_count;
}
