package test;

import javax.annotation.processing.Generated;

/**
 * The fields of one {@link Quote} event that {@link RecentFeatures} aggregates: keys, event time and aggregated values.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class RecentFeatures_Input {
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
   * {@code RecentFeatures.priceBand(event)}.
   */
  public String priceBand;

  /**
   * {@code RecentFeatures.priceMod7(event)}.
   */
  public long priceMod7;

  /**
   * {@code Quote.buy}.
   */
  public boolean buy;

  /**
   * {@code RecentFeatures.priceAsFloat(event)}.
   */
  public float priceAsFloat;

  /**
   * {@code RecentFeatures.priceBucket(event)}.
   */
  public int priceBucket;

  /**
   * The event time in epoch milliseconds.
   */
  public long eventTimeMillis;
}
