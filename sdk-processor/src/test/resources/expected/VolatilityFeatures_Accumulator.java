package test;

import javax.annotation.processing.Generated;

/**
 * The running state of {@link VolatilityFeatures} over a set of events, updated in place.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class VolatilityFeatures_Accumulator {
  /**
   * The number of events added; zero means empty.
   */
  public long eventCount;

  /**
   * Primary key {@code ticker}, from the first event.
   */
  public String key_ticker;

  /**
   * State of {@code @StdDev("price") priceStdDev}.
   */
  public long priceStdDev_count;

  public double priceStdDev_mean;

  public double priceStdDev_m2;

  /**
   * State of {@code @Variance("price") priceVariance}.
   */
  public long priceVariance_count;

  public double priceVariance_mean;

  public double priceVariance_m2;

  /**
   * State of {@code @Variance("price") pricePopulationVariance}.
   */
  public long pricePopulationVariance_count;

  public double pricePopulationVariance_mean;

  public double pricePopulationVariance_m2;

  /**
   * State of {@code @StdDev("size") sizePopulationStdDev}.
   */
  public long sizePopulationStdDev_count;

  public double sizePopulationStdDev_mean;

  public double sizePopulationStdDev_m2;
}
