package test;

import javax.annotation.processing.Generated;

/**
 * The running state of {@link TradeFeatures} over a set of events, updated in place.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class TradeFeatures_Accumulator {
  /**
   * The number of events added; zero means empty.
   */
  public long eventCount;

  /**
   * Primary key {@code venue}, from the first event.
   */
  public String key_venue;

  /**
   * Primary key {@code symbol}, from the first event.
   */
  public int key_symbolId;

  /**
   * State of {@code @Sum("qty") totalQty}.
   */
  public long totalQty_sum;

  public long totalQty_count;

  /**
   * State of {@code @Sum("notional") notional}.
   */
  public long notional_sum;

  public long notional_count;

  /**
   * State of {@code @Min("qty") minQty}.
   */
  public int minQty_min;

  public long minQty_count;

  /**
   * State of {@code @Max("qty") maxQty}.
   */
  public int maxQty_max;

  public long maxQty_count;

  /**
   * State of {@code @First("side") firstSide}.
   */
  public String firstSide_value;

  public long firstSide_time;

  /**
   * State of {@code @Last("qty") lastQty}.
   */
  public Integer lastQty_value;

  public long lastQty_time;
}
