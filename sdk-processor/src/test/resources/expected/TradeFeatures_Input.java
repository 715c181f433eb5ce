package test;

import javax.annotation.processing.Generated;

/**
 * The fields of one {@link Trade} event that {@link TradeFeatures} aggregates: keys, event time and aggregated values.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class TradeFeatures_Input {
  public String venue;

  public int symbolId;

  public Integer qty;

  public Long notional;

  public String side;

  public long eventTimeMillis;
}
