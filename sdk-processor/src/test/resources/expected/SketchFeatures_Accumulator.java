package test;

import java.util.HashSet;
import javax.annotation.processing.Generated;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * The running state of {@link SketchFeatures} over a set of events, updated in place.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class SketchFeatures_Accumulator {
  /**
   * The number of events added; zero means empty.
   */
  public long eventCount;

  /**
   * Primary key {@code ticker}, from the first event.
   */
  public String key_ticker;

  /**
   * State of {@code @ApproxCountDistinct("price") distinctPrices}.
   */
  public Union distinctPrices_hll;

  /**
   * State of {@code @ApproxCountDistinct("size") distinctBuySizes}.
   */
  public Union distinctBuySizes_hll;

  /**
   * Events matching {@code where = "buy"}.
   */
  public long distinctBuySizes_matched;

  /**
   * State of {@code @ApproxPercentile("price") priceP95}.
   */
  public KllDoublesSketch price__kll200;

  /**
   * State of {@code @ApproxPercentile("size") buySizeP90}.
   */
  public KllDoublesSketch size__kll200_where_buy;

  /**
   * Events matching {@code where = "buy"}.
   */
  public long buySizeP90_matched;

  /**
   * State of {@code @CountDistinct("price") distinctPricesUpTo50}.
   */
  public HashSet<String> distinctPricesUpTo50_values;

  /**
   * State of {@code @CountDistinct("size") distinctBuySizesExact}.
   */
  public HashSet<String> distinctBuySizesExact_values;

  /**
   * Events matching {@code where = "buy"}.
   */
  public long distinctBuySizesExact_matched;
}
