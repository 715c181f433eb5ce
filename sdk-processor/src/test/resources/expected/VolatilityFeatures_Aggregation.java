package test;

import io.featuresdk.runtime.spi.FeatureAggregation;
import java.time.Instant;
import javax.annotation.processing.Generated;

/**
 * Aggregates {@link Quote} events into {@link VolatilityFeatures} rows; allocation-free per event.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class VolatilityFeatures_Aggregation implements FeatureAggregation<VolatilityFeatures_Input, VolatilityFeatures_Accumulator, VolatilityFeatures> {
  private static final long serialVersionUID = 1L;

  @Override
  public VolatilityFeatures_Accumulator createAccumulator() {
    return new VolatilityFeatures_Accumulator();
  }

  @Override
  public void add(VolatilityFeatures_Accumulator acc, VolatilityFeatures_Input input) {
    if (acc.eventCount == 0) {
      acc.key_ticker = input.product;
    }
    acc.priceStdDev_count++;
    double priceStdDev_delta = input.price - acc.priceStdDev_mean;
    acc.priceStdDev_mean += priceStdDev_delta / acc.priceStdDev_count;
    acc.priceStdDev_m2 += priceStdDev_delta * (input.price - acc.priceStdDev_mean);
    acc.priceVariance_count++;
    double priceVariance_delta = input.price - acc.priceVariance_mean;
    acc.priceVariance_mean += priceVariance_delta / acc.priceVariance_count;
    acc.priceVariance_m2 += priceVariance_delta * (input.price - acc.priceVariance_mean);
    acc.pricePopulationVariance_count++;
    double pricePopulationVariance_delta = input.price - acc.pricePopulationVariance_mean;
    acc.pricePopulationVariance_mean += pricePopulationVariance_delta / acc.pricePopulationVariance_count;
    acc.pricePopulationVariance_m2 += pricePopulationVariance_delta * (input.price - acc.pricePopulationVariance_mean);
    if (input.size != null) {
      acc.sizePopulationStdDev_count++;
      double sizePopulationStdDev_delta = input.size - acc.sizePopulationStdDev_mean;
      acc.sizePopulationStdDev_mean += sizePopulationStdDev_delta / acc.sizePopulationStdDev_count;
      acc.sizePopulationStdDev_m2 += sizePopulationStdDev_delta * (input.size - acc.sizePopulationStdDev_mean);
    }
    acc.eventCount++;
  }

  @Override
  public void merge(VolatilityFeatures_Accumulator target, VolatilityFeatures_Accumulator other) {
    if (target.eventCount == 0) {
      target.key_ticker = other.key_ticker;
    }
    if (target.priceStdDev_count == 0) {
      target.priceStdDev_mean = other.priceStdDev_mean;
      target.priceStdDev_m2 = other.priceStdDev_m2;
    } else if (other.priceStdDev_count > 0) {
      double priceStdDev_total = target.priceStdDev_count + other.priceStdDev_count;
      double priceStdDev_delta = other.priceStdDev_mean - target.priceStdDev_mean;
      target.priceStdDev_mean += priceStdDev_delta * (other.priceStdDev_count / priceStdDev_total);
      target.priceStdDev_m2 += other.priceStdDev_m2 + priceStdDev_delta * priceStdDev_delta * (target.priceStdDev_count * (other.priceStdDev_count / priceStdDev_total));
    }
    target.priceStdDev_count += other.priceStdDev_count;
    if (target.priceVariance_count == 0) {
      target.priceVariance_mean = other.priceVariance_mean;
      target.priceVariance_m2 = other.priceVariance_m2;
    } else if (other.priceVariance_count > 0) {
      double priceVariance_total = target.priceVariance_count + other.priceVariance_count;
      double priceVariance_delta = other.priceVariance_mean - target.priceVariance_mean;
      target.priceVariance_mean += priceVariance_delta * (other.priceVariance_count / priceVariance_total);
      target.priceVariance_m2 += other.priceVariance_m2 + priceVariance_delta * priceVariance_delta * (target.priceVariance_count * (other.priceVariance_count / priceVariance_total));
    }
    target.priceVariance_count += other.priceVariance_count;
    if (target.pricePopulationVariance_count == 0) {
      target.pricePopulationVariance_mean = other.pricePopulationVariance_mean;
      target.pricePopulationVariance_m2 = other.pricePopulationVariance_m2;
    } else if (other.pricePopulationVariance_count > 0) {
      double pricePopulationVariance_total = target.pricePopulationVariance_count + other.pricePopulationVariance_count;
      double pricePopulationVariance_delta = other.pricePopulationVariance_mean - target.pricePopulationVariance_mean;
      target.pricePopulationVariance_mean += pricePopulationVariance_delta * (other.pricePopulationVariance_count / pricePopulationVariance_total);
      target.pricePopulationVariance_m2 += other.pricePopulationVariance_m2 + pricePopulationVariance_delta * pricePopulationVariance_delta * (target.pricePopulationVariance_count * (other.pricePopulationVariance_count / pricePopulationVariance_total));
    }
    target.pricePopulationVariance_count += other.pricePopulationVariance_count;
    if (target.sizePopulationStdDev_count == 0) {
      target.sizePopulationStdDev_mean = other.sizePopulationStdDev_mean;
      target.sizePopulationStdDev_m2 = other.sizePopulationStdDev_m2;
    } else if (other.sizePopulationStdDev_count > 0) {
      double sizePopulationStdDev_total = target.sizePopulationStdDev_count + other.sizePopulationStdDev_count;
      double sizePopulationStdDev_delta = other.sizePopulationStdDev_mean - target.sizePopulationStdDev_mean;
      target.sizePopulationStdDev_mean += sizePopulationStdDev_delta * (other.sizePopulationStdDev_count / sizePopulationStdDev_total);
      target.sizePopulationStdDev_m2 += other.sizePopulationStdDev_m2 + sizePopulationStdDev_delta * sizePopulationStdDev_delta * (target.sizePopulationStdDev_count * (other.sizePopulationStdDev_count / sizePopulationStdDev_total));
    }
    target.sizePopulationStdDev_count += other.sizePopulationStdDev_count;
    target.eventCount += other.eventCount;
  }

  @Override
  public boolean isEmpty(VolatilityFeatures_Accumulator acc) {
    return acc.eventCount == 0;
  }

  @Override
  public VolatilityFeatures toRow(VolatilityFeatures_Accumulator acc, long windowStartMillis,
      long windowEndMillis) {
    VolatilityFeatures row = new VolatilityFeatures();
    row.ticker = acc.key_ticker;
    row.timestamp = Instant.ofEpochMilli(windowEndMillis);
    row.trades = acc.eventCount;
    row.priceStdDev = acc.priceStdDev_count >= 2 ? Math.sqrt(acc.priceStdDev_m2 / (acc.priceStdDev_count - 1)) : null;
    row.priceVariance = acc.priceVariance_count >= 2 ? acc.priceVariance_m2 / (acc.priceVariance_count - 1) : null;
    row.pricePopulationVariance = acc.pricePopulationVariance_m2 / acc.pricePopulationVariance_count;
    row.sizePopulationStdDev = acc.sizePopulationStdDev_count >= 1 ? Math.sqrt(acc.sizePopulationStdDev_m2 / acc.sizePopulationStdDev_count) : null;
    return row;
  }

  @Override
  public VolatilityFeatures emptyRow(VolatilityFeatures keyed, long windowStartMillis,
      long windowEndMillis) {
    VolatilityFeatures row = new VolatilityFeatures();
    row.ticker = keyed.ticker;
    row.timestamp = Instant.ofEpochMilli(windowEndMillis);
    row.trades = 0L;
    return row;
  }
}
