package test;

import javax.annotation.processing.Generated;

/**
 * The fields of one {@link Ticker} event that {@link PriceFeatures} aggregates: keys, event time and aggregated values.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class PriceFeatures_Input {
  public String productId;

  public double price;

  public Double lastSize;

  public long eventTimeMillis;
}
