package test;

import javax.annotation.processing.Generated;

/**
 * The fields of one {@link Quote} event that {@link SketchFeatures} aggregates: keys, event time and aggregated values.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class SketchFeatures_Input {
  /**
   * {@code Quote.product}.
   */
  public String product;

  /**
   * {@code Quote.price}.
   */
  public double price;

  /**
   * {@code Quote.size}.
   */
  public Double size;

  /**
   * {@code Quote.buy}.
   */
  public boolean buy;

  /**
   * The event time in epoch milliseconds.
   */
  public long eventTimeMillis;
}
