package test;

import io.featuresdk.runtime.spi.FeatureAggregation;
import javax.annotation.processing.Generated;

/**
 * Aggregates {@link Trade} events into {@link TradeFeatures} rows; allocation-free per event.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class TradeFeatures_Aggregation implements FeatureAggregation<TradeFeatures_Input, TradeFeatures_Accumulator, TradeFeatures> {
  private static final long serialVersionUID = 1L;

  @Override
  public TradeFeatures_Accumulator createAccumulator() {
    return new TradeFeatures_Accumulator();
  }

  @Override
  public void add(TradeFeatures_Accumulator acc, TradeFeatures_Input input) {
    if (acc.eventCount == 0) {
      acc.key_venue = input.venue;
      acc.key_symbolId = input.symbolId;
    }
    if (input.qty != null) {
      acc.totalQty_sum += input.qty;
      acc.totalQty_count++;
    }
    if (input.notional != null) {
      acc.notional_sum += input.notional;
      acc.notional_count++;
    }
    if (input.qty != null) {
      if (acc.minQty_count == 0 || input.qty < acc.minQty_min) {
        acc.minQty_min = input.qty;
      }
      acc.minQty_count++;
    }
    if (input.qty != null) {
      if (acc.maxQty_count == 0 || input.qty > acc.maxQty_max) {
        acc.maxQty_max = input.qty;
      }
      acc.maxQty_count++;
    }
    if (acc.eventCount == 0 || input.eventTimeMillis < acc.firstSide_time) {
      acc.firstSide_value = input.side;
      acc.firstSide_time = input.eventTimeMillis;
    }
    if (acc.eventCount == 0 || input.eventTimeMillis >= acc.lastQty_time) {
      acc.lastQty_value = input.qty;
      acc.lastQty_time = input.eventTimeMillis;
    }
    acc.eventCount++;
  }

  @Override
  public void merge(TradeFeatures_Accumulator target, TradeFeatures_Accumulator other) {
    if (target.eventCount == 0) {
      target.key_venue = other.key_venue;
      target.key_symbolId = other.key_symbolId;
    }
    target.totalQty_sum += other.totalQty_sum;
    target.totalQty_count += other.totalQty_count;
    target.notional_sum += other.notional_sum;
    target.notional_count += other.notional_count;
    if (other.minQty_count > 0 && (target.minQty_count == 0 || other.minQty_min < target.minQty_min)) {
      target.minQty_min = other.minQty_min;
    }
    target.minQty_count += other.minQty_count;
    if (other.maxQty_count > 0 && (target.maxQty_count == 0 || other.maxQty_max > target.maxQty_max)) {
      target.maxQty_max = other.maxQty_max;
    }
    target.maxQty_count += other.maxQty_count;
    if (other.eventCount > 0 && (target.eventCount == 0 || other.firstSide_time < target.firstSide_time)) {
      target.firstSide_value = other.firstSide_value;
      target.firstSide_time = other.firstSide_time;
    }
    if (other.eventCount > 0 && (target.eventCount == 0 || other.lastQty_time >= target.lastQty_time)) {
      target.lastQty_value = other.lastQty_value;
      target.lastQty_time = other.lastQty_time;
    }
    target.eventCount += other.eventCount;
  }

  @Override
  public boolean isEmpty(TradeFeatures_Accumulator acc) {
    return acc.eventCount == 0;
  }

  @Override
  public TradeFeatures toRow(TradeFeatures_Accumulator acc, long windowStartMillis,
      long windowEndMillis) {
    TradeFeatures row = new TradeFeatures();
    row.venue = acc.key_venue;
    row.symbolId = acc.key_symbolId;
    row.windowEnd = windowEndMillis;
    row.trades = (int) acc.eventCount;
    row.totalQty = acc.totalQty_count > 0 ? acc.totalQty_sum : null;
    row.notional = acc.notional_count > 0 ? (double) acc.notional_sum : null;
    row.minQty = acc.minQty_count > 0 ? (long) acc.minQty_min : null;
    row.maxQty = acc.maxQty_count > 0 ? acc.maxQty_max : null;
    row.firstSide = acc.firstSide_value;
    row.lastQty = acc.lastQty_value;
    return row;
  }

  @Override
  public TradeFeatures emptyRow(TradeFeatures keyed, long windowStartMillis, long windowEndMillis) {
    TradeFeatures row = new TradeFeatures();
    row.venue = keyed.venue;
    row.symbolId = keyed.symbolId;
    row.windowEnd = windowEndMillis;
    row.trades = 0;
    return row;
  }
}
