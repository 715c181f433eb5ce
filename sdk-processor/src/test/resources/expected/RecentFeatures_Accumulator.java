package test;

import io.featuresdk.runtime.spi.EventTimeValues;
import javax.annotation.processing.Generated;
import org.apache.datasketches.frequencies.ItemsSketch;

/**
 * The running state of {@link RecentFeatures} over a set of events, updated in place.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class RecentFeatures_Accumulator {
  /**
   * The number of events added; zero means empty.
   */
  public long eventCount;

  /**
   * Primary key {@code ticker}, from the first event.
   */
  public String key_ticker;

  /**
   * State of {@code @LastN("price") lastPrices}.
   */
  public EventTimeValues<Double> lastPrices_values;

  /**
   * State of {@code @FirstN("price") firstPrices}.
   */
  public EventTimeValues<Double> firstPrices_values;

  /**
   * State of {@code @LastN("size") lastSizes}.
   */
  public EventTimeValues<Double> lastSizes_values;

  /**
   * State of {@code @LastN("priceBand") lastDistinctBands}.
   */
  public EventTimeValues<String> lastDistinctBands_values;

  /**
   * State of {@code @FirstN("priceMod7") firstDistinctMod7}.
   */
  public EventTimeValues<Long> firstDistinctMod7_values;

  /**
   * State of {@code @LastN("price") lastBuyPrices}.
   */
  public EventTimeValues<Double> lastBuyPrices_values;

  /**
   * Events matching {@code where = "buy"}.
   */
  public long lastBuyPrices_matched;

  /**
   * State of {@code @FirstN("buy") firstSides}.
   */
  public EventTimeValues<Boolean> firstSides_values;

  /**
   * State of {@code @FirstN("priceAsFloat") firstFloatPrices}.
   */
  public EventTimeValues<Float> firstFloatPrices_values;

  /**
   * State of {@code @TopK("priceBand") topBands}.
   */
  public ItemsSketch<String> topBands_sketch;

  /**
   * State of {@code @TopK("priceMod7") topBuyMod7}.
   */
  public ItemsSketch<Long> topBuyMod7_sketch;

  /**
   * Events matching {@code where = "buy"}.
   */
  public long topBuyMod7_matched;

  /**
   * State of {@code @TopK("priceBucket") topBuckets}.
   */
  public ItemsSketch<Integer> topBuckets_sketch;

  /**
   * State of {@code @TopK("buy") majoritySide}.
   */
  public ItemsSketch<Boolean> majoritySide_sketch;

  /**
   * State of {@code @TopK("price") topPrices}.
   */
  public ItemsSketch<Double> topPrices_sketch;
}
