package test;

import javax.annotation.processing.Generated;

/**
 * The fields of one {@link Quote} event that {@link NotionalFeatures} aggregates: keys, event time and aggregated values.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class NotionalFeatures_Input {
  /**
   * {@code Quote.product}.
   */
  public String product;

  /**
   * {@code NotionalFeatures.large(event)}.
   */
  public boolean large;

  /**
   * {@code Quote.flagged}.
   */
  public Boolean flagged;

  /**
   * {@code NotionalFeatures.notional(event)}.
   */
  public Double notional;

  /**
   * {@code Quote.buy}.
   */
  public boolean buy;

  /**
   * {@code Quote.size}.
   */
  public Double size;

  /**
   * {@code Quote.price}.
   */
  public double price;

  /**
   * The event time in epoch milliseconds.
   */
  public long eventTimeMillis;
}
