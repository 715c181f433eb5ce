package test;

import io.featuresdk.runtime.spi.FeatureAggregation;
import java.time.Instant;
import javax.annotation.processing.Generated;

/**
 * Aggregates {@link Quote} events into {@link NotionalFeatures} rows; allocation-free per event.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class NotionalFeatures_Aggregation implements FeatureAggregation<NotionalFeatures_Input, NotionalFeatures_Accumulator, NotionalFeatures> {
  private static final long serialVersionUID = 1L;

  @Override
  public NotionalFeatures_Accumulator createAccumulator() {
    return new NotionalFeatures_Accumulator();
  }

  @Override
  public void add(NotionalFeatures_Accumulator acc, NotionalFeatures_Input input) {
    if (acc.eventCount == 0) {
      acc.key_ticker = input.product;
    }
    if (input.large) {
      acc.largeTrades_matched++;
    }
    if (Boolean.TRUE.equals(input.flagged)) {
      acc.flaggedTrades_matched++;
    }
    if (input.notional != null) {
      acc.notional_sum += input.notional;
      acc.notional_count++;
    }
    if (input.buy) {
      if (input.notional != null) {
        acc.buyNotional_sum += input.notional;
        acc.buyNotional_count++;
      }
      acc.buyNotional_matched++;
    }
    if (input.large) {
      if (input.size != null) {
        acc.largeVolume_sum += input.size;
        acc.largeVolume_count++;
      }
      acc.largeVolume_matched++;
    }
    if (input.large) {
      acc.largePriceAvg_sum += input.price;
      acc.largePriceAvg_count++;
      acc.largePriceAvg_matched++;
    }
    if (input.buy) {
      if (acc.buyPriceMin_matched == 0 || input.price < acc.buyPriceMin_min) {
        acc.buyPriceMin_min = input.price;
      }
      acc.buyPriceMin_matched++;
    }
    if (input.buy) {
      if (acc.lastBuyPrice_matched == 0 || input.eventTimeMillis >= acc.lastBuyPrice_time) {
        acc.lastBuyPrice_value = input.price;
        acc.lastBuyPrice_time = input.eventTimeMillis;
      }
      acc.lastBuyPrice_matched++;
    }
    if (input.buy) {
      acc.buyPriceStdDev_count++;
      double buyPriceStdDev_delta = input.price - acc.buyPriceStdDev_mean;
      acc.buyPriceStdDev_mean += buyPriceStdDev_delta / acc.buyPriceStdDev_count;
      acc.buyPriceStdDev_m2 += buyPriceStdDev_delta * (input.price - acc.buyPriceStdDev_mean);
      acc.buyPriceStdDev_matched++;
    }
    if (input.size != null) {
      acc.volume_sum += input.size;
      acc.volume_count++;
    }
    acc.eventCount++;
  }

  @Override
  public void merge(NotionalFeatures_Accumulator target, NotionalFeatures_Accumulator other) {
    if (target.eventCount == 0) {
      target.key_ticker = other.key_ticker;
    }
    target.largeTrades_matched += other.largeTrades_matched;
    target.flaggedTrades_matched += other.flaggedTrades_matched;
    target.notional_sum += other.notional_sum;
    target.notional_count += other.notional_count;
    target.buyNotional_sum += other.buyNotional_sum;
    target.buyNotional_count += other.buyNotional_count;
    target.buyNotional_matched += other.buyNotional_matched;
    target.largeVolume_sum += other.largeVolume_sum;
    target.largeVolume_count += other.largeVolume_count;
    target.largeVolume_matched += other.largeVolume_matched;
    target.largePriceAvg_sum += other.largePriceAvg_sum;
    target.largePriceAvg_count += other.largePriceAvg_count;
    target.largePriceAvg_matched += other.largePriceAvg_matched;
    if (other.buyPriceMin_matched > 0 && (target.buyPriceMin_matched == 0 || other.buyPriceMin_min < target.buyPriceMin_min)) {
      target.buyPriceMin_min = other.buyPriceMin_min;
    }
    target.buyPriceMin_matched += other.buyPriceMin_matched;
    if (other.lastBuyPrice_matched > 0 && (target.lastBuyPrice_matched == 0 || other.lastBuyPrice_time >= target.lastBuyPrice_time)) {
      target.lastBuyPrice_value = other.lastBuyPrice_value;
      target.lastBuyPrice_time = other.lastBuyPrice_time;
    }
    target.lastBuyPrice_matched += other.lastBuyPrice_matched;
    if (target.buyPriceStdDev_count == 0) {
      target.buyPriceStdDev_mean = other.buyPriceStdDev_mean;
      target.buyPriceStdDev_m2 = other.buyPriceStdDev_m2;
    } else if (other.buyPriceStdDev_count > 0) {
      double buyPriceStdDev_total = target.buyPriceStdDev_count + other.buyPriceStdDev_count;
      double buyPriceStdDev_delta = other.buyPriceStdDev_mean - target.buyPriceStdDev_mean;
      target.buyPriceStdDev_mean += buyPriceStdDev_delta * (other.buyPriceStdDev_count / buyPriceStdDev_total);
      target.buyPriceStdDev_m2 += other.buyPriceStdDev_m2 + buyPriceStdDev_delta * buyPriceStdDev_delta * (target.buyPriceStdDev_count * (other.buyPriceStdDev_count / buyPriceStdDev_total));
    }
    target.buyPriceStdDev_count += other.buyPriceStdDev_count;
    target.buyPriceStdDev_matched += other.buyPriceStdDev_matched;
    target.volume_sum += other.volume_sum;
    target.volume_count += other.volume_count;
    target.eventCount += other.eventCount;
  }

  @Override
  public boolean isEmpty(NotionalFeatures_Accumulator acc) {
    return acc.eventCount == 0;
  }

  @Override
  public NotionalFeatures toRow(NotionalFeatures_Accumulator acc, long windowStartMillis,
      long windowEndMillis) {
    NotionalFeatures row = new NotionalFeatures();
    row.ticker = acc.key_ticker;
    row.timestamp = Instant.ofEpochMilli(windowEndMillis);
    row.trades = acc.eventCount;
    row.largeTrades = acc.largeTrades_matched;
    row.flaggedTrades = acc.flaggedTrades_matched;
    row.notional = acc.notional_count > 0 ? acc.notional_sum : null;
    row.buyNotional = acc.buyNotional_count > 0 ? acc.buyNotional_sum : null;
    row.largeVolume = acc.largeVolume_count > 0 ? acc.largeVolume_sum : null;
    row.largePriceAvg = acc.largePriceAvg_matched > 0 ? (acc.largePriceAvg_sum / acc.largePriceAvg_count) : null;
    row.buyPriceMin = acc.buyPriceMin_matched > 0 ? (acc.buyPriceMin_min) : null;
    row.lastBuyPrice = acc.lastBuyPrice_matched > 0 ? (acc.lastBuyPrice_value) : null;
    row.buyPriceStdDev = acc.buyPriceStdDev_matched > 0 ? (acc.buyPriceStdDev_count >= 2 ? Math.sqrt(acc.buyPriceStdDev_m2 / (acc.buyPriceStdDev_count - 1)) : null) : null;
    row.volume = acc.volume_count > 0 ? acc.volume_sum : null;
    row.vwap = row.vwap();
    row.largeShare = row.largeShare();
    return row;
  }

  @Override
  public NotionalFeatures emptyRow(NotionalFeatures keyed, long windowStartMillis,
      long windowEndMillis) {
    NotionalFeatures row = new NotionalFeatures();
    row.ticker = keyed.ticker;
    row.timestamp = Instant.ofEpochMilli(windowEndMillis);
    row.trades = 0L;
    row.largeTrades = 0L;
    row.flaggedTrades = 0L;
    return row;
  }
}
