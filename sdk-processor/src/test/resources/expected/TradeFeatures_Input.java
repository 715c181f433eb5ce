package test;

import javax.annotation.processing.Generated;

/**
 * The fields of one {@link Trade} event that {@link TradeFeatures} aggregates: keys, event time and aggregated values.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class TradeFeatures_Input {
  /**
   * {@code Trade.venue}.
   */
  public String venue;

  /**
   * {@code Trade.symbolId}.
   */
  public int symbolId;

  /**
   * {@code Trade.qty}.
   */
  public Integer qty;

  /**
   * {@code Trade.notional}.
   */
  public Long notional;

  /**
   * {@code Trade.side}.
   */
  public String side;

  /**
   * The event time in epoch milliseconds.
   */
  public long eventTimeMillis;
}
