package test;

import io.featuresdk.runtime.spi.FeatureAggregation;
import java.time.Instant;
import javax.annotation.processing.Generated;

/**
 * Aggregates {@link Ticker} events into {@link PriceFeatures} rows; allocation-free per event.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class PriceFeatures_Aggregation implements FeatureAggregation<PriceFeatures_Input, PriceFeatures_Accumulator, PriceFeatures> {
  private static final long serialVersionUID = 1L;

  @Override
  public PriceFeatures_Accumulator createAccumulator() {
    return new PriceFeatures_Accumulator();
  }

  @Override
  public void add(PriceFeatures_Accumulator acc, PriceFeatures_Input input) {
    if (acc.eventCount == 0) {
      acc.key_ticker = input.productId;
    }
    acc.priceAvg_sum += input.price;
    acc.priceAvg_count++;
    if (acc.eventCount == 0 || input.price < acc.priceMin_min) {
      acc.priceMin_min = input.price;
    }
    if (acc.eventCount == 0 || input.price > acc.priceMax_max) {
      acc.priceMax_max = input.price;
    }
    if (acc.eventCount == 0 || input.eventTimeMillis < acc.open_time) {
      acc.open_value = input.price;
      acc.open_time = input.eventTimeMillis;
    }
    if (acc.eventCount == 0 || input.eventTimeMillis >= acc.close_time) {
      acc.close_value = input.price;
      acc.close_time = input.eventTimeMillis;
    }
    if (input.lastSize != null) {
      acc.volume_sum += input.lastSize;
      acc.volume_count++;
    }
    if (input.lastSize != null) {
      acc.sizeAvg_sum += input.lastSize;
      acc.sizeAvg_count++;
    }
    acc.eventCount++;
  }

  @Override
  public void merge(PriceFeatures_Accumulator target, PriceFeatures_Accumulator other) {
    if (target.eventCount == 0) {
      target.key_ticker = other.key_ticker;
    }
    target.priceAvg_sum += other.priceAvg_sum;
    target.priceAvg_count += other.priceAvg_count;
    if (other.eventCount > 0 && (target.eventCount == 0 || other.priceMin_min < target.priceMin_min)) {
      target.priceMin_min = other.priceMin_min;
    }
    if (other.eventCount > 0 && (target.eventCount == 0 || other.priceMax_max > target.priceMax_max)) {
      target.priceMax_max = other.priceMax_max;
    }
    if (other.eventCount > 0 && (target.eventCount == 0 || other.open_time < target.open_time)) {
      target.open_value = other.open_value;
      target.open_time = other.open_time;
    }
    if (other.eventCount > 0 && (target.eventCount == 0 || other.close_time >= target.close_time)) {
      target.close_value = other.close_value;
      target.close_time = other.close_time;
    }
    target.volume_sum += other.volume_sum;
    target.volume_count += other.volume_count;
    target.sizeAvg_sum += other.sizeAvg_sum;
    target.sizeAvg_count += other.sizeAvg_count;
    target.eventCount += other.eventCount;
  }

  @Override
  public boolean isEmpty(PriceFeatures_Accumulator acc) {
    return acc.eventCount == 0;
  }

  @Override
  public PriceFeatures toRow(PriceFeatures_Accumulator acc, long windowStartMillis,
      long windowEndMillis) {
    PriceFeatures row = new PriceFeatures();
    row.ticker = acc.key_ticker;
    row.timestamp = Instant.ofEpochMilli(windowEndMillis);
    row.windowStart = windowStartMillis;
    row.priceAvg = acc.priceAvg_sum / acc.priceAvg_count;
    row.priceMin = acc.priceMin_min;
    row.priceMax = acc.priceMax_max;
    row.open = acc.open_value;
    row.close = acc.close_value;
    row.trades = acc.eventCount;
    row.volume = acc.volume_count > 0 ? acc.volume_sum : null;
    row.setSizeAvg(acc.sizeAvg_count > 0 ? acc.sizeAvg_sum / acc.sizeAvg_count : null);
    return row;
  }

  @Override
  public PriceFeatures emptyRow(PriceFeatures keyed, long windowStartMillis, long windowEndMillis) {
    PriceFeatures row = new PriceFeatures();
    row.ticker = keyed.ticker;
    row.timestamp = Instant.ofEpochMilli(windowEndMillis);
    row.windowStart = windowStartMillis;
    row.trades = 0L;
    return row;
  }
}
