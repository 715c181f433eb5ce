package test;

import javax.annotation.processing.Generated;

/**
 * The fields of one {@link Ticker} event that {@link VolatilityFeatures} aggregates: keys, event time and aggregated values.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class VolatilityFeatures_Input {
  /**
   * {@code Ticker.productId}.
   */
  public String productId;

  /**
   * {@code Ticker.price}.
   */
  public double price;

  /**
   * {@code Ticker.lastSize}.
   */
  public Double lastSize;

  /**
   * The event time in epoch milliseconds.
   */
  public long eventTimeMillis;
}
