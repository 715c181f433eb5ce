package test;

import javax.annotation.processing.Generated;

/**
 * The running state of {@link PriceFeatures} over a set of events, updated in place.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class PriceFeatures_Accumulator {
  public long eventCount;

  public String key_ticker;

  public double priceAvg_sum;

  public long priceAvg_count;

  public double priceMin_min;

  public double priceMax_max;

  public double open_value;

  public long open_time;

  public double close_value;

  public long close_time;

  public double volume_sum;

  public long volume_count;

  public double sizeAvg_sum;

  public long sizeAvg_count;
}
