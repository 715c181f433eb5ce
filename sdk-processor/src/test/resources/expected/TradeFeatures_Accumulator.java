package test;

import javax.annotation.processing.Generated;

/**
 * The running state of {@link TradeFeatures} over a set of events, updated in place.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class TradeFeatures_Accumulator {
  public long eventCount;

  public String key_venue;

  public int key_symbolId;

  public long totalQty_sum;

  public long totalQty_count;

  public long notional_sum;

  public long notional_count;

  public int minQty_min;

  public long minQty_count;

  public int maxQty_max;

  public long maxQty_count;

  public String firstSide_value;

  public long firstSide_time;

  public Integer lastQty_value;

  public long lastQty_time;
}
