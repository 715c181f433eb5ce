package test;

import io.featuresdk.runtime.spi.EventTimeValues;
import io.featuresdk.runtime.spi.FeatureAggregation;
import java.time.Instant;
import javax.annotation.processing.Generated;

/**
 * Aggregates {@link Quote} events into {@link RecentFeatures} rows; allocation-free per event.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class RecentFeatures_Aggregation implements FeatureAggregation<RecentFeatures_Input, RecentFeatures_Accumulator, RecentFeatures> {
  private static final long serialVersionUID = 1L;

  @Override
  public RecentFeatures_Accumulator createAccumulator() {
    return new RecentFeatures_Accumulator();
  }

  @Override
  public void add(RecentFeatures_Accumulator acc, RecentFeatures_Input input) {
    if (acc.eventCount == 0) {
      acc.key_ticker = input.product;
    }
    if (acc.lastPrices_values == null) {
      acc.lastPrices_values = new EventTimeValues<>(5, true, false);
    }
    acc.lastPrices_values.add(input.eventTimeMillis, input.price);
    if (acc.firstPrices_values == null) {
      acc.firstPrices_values = new EventTimeValues<>(3, false, false);
    }
    acc.firstPrices_values.add(input.eventTimeMillis, input.price);
    if (input.size != null) {
      if (acc.lastSizes_values == null) {
        acc.lastSizes_values = new EventTimeValues<>(4, true, false);
      }
      acc.lastSizes_values.add(input.eventTimeMillis, input.size);
    }
    if (input.priceBand != null) {
      if (acc.lastDistinctBands_values == null) {
        acc.lastDistinctBands_values = new EventTimeValues<>(3, true, true);
      }
      acc.lastDistinctBands_values.add(input.eventTimeMillis, input.priceBand);
    }
    if (acc.firstDistinctMod7_values == null) {
      acc.firstDistinctMod7_values = new EventTimeValues<>(4, false, true);
    }
    acc.firstDistinctMod7_values.add(input.eventTimeMillis, input.priceMod7);
    if (input.buy) {
      if (acc.lastBuyPrices_values == null) {
        acc.lastBuyPrices_values = new EventTimeValues<>(2, true, false);
      }
      acc.lastBuyPrices_values.add(input.eventTimeMillis, input.price);
      acc.lastBuyPrices_matched++;
    }
    if (acc.firstSides_values == null) {
      acc.firstSides_values = new EventTimeValues<>(2, false, false);
    }
    acc.firstSides_values.add(input.eventTimeMillis, input.buy);
    acc.eventCount++;
  }

  @Override
  public void merge(RecentFeatures_Accumulator target, RecentFeatures_Accumulator other) {
    if (target.eventCount == 0) {
      target.key_ticker = other.key_ticker;
    }
    if (other.lastPrices_values != null) {
      if (target.lastPrices_values == null) {
        target.lastPrices_values = other.lastPrices_values.copy();
      } else {
        target.lastPrices_values.mergeLater(other.lastPrices_values);
      }
    }
    if (other.firstPrices_values != null) {
      if (target.firstPrices_values == null) {
        target.firstPrices_values = other.firstPrices_values.copy();
      } else {
        target.firstPrices_values.mergeLater(other.firstPrices_values);
      }
    }
    if (other.lastSizes_values != null) {
      if (target.lastSizes_values == null) {
        target.lastSizes_values = other.lastSizes_values.copy();
      } else {
        target.lastSizes_values.mergeLater(other.lastSizes_values);
      }
    }
    if (other.lastDistinctBands_values != null) {
      if (target.lastDistinctBands_values == null) {
        target.lastDistinctBands_values = other.lastDistinctBands_values.copy();
      } else {
        target.lastDistinctBands_values.mergeLater(other.lastDistinctBands_values);
      }
    }
    if (other.firstDistinctMod7_values != null) {
      if (target.firstDistinctMod7_values == null) {
        target.firstDistinctMod7_values = other.firstDistinctMod7_values.copy();
      } else {
        target.firstDistinctMod7_values.mergeLater(other.firstDistinctMod7_values);
      }
    }
    if (other.lastBuyPrices_values != null) {
      if (target.lastBuyPrices_values == null) {
        target.lastBuyPrices_values = other.lastBuyPrices_values.copy();
      } else {
        target.lastBuyPrices_values.mergeLater(other.lastBuyPrices_values);
      }
    }
    target.lastBuyPrices_matched += other.lastBuyPrices_matched;
    if (other.firstSides_values != null) {
      if (target.firstSides_values == null) {
        target.firstSides_values = other.firstSides_values.copy();
      } else {
        target.firstSides_values.mergeLater(other.firstSides_values);
      }
    }
    target.eventCount += other.eventCount;
  }

  @Override
  public boolean isEmpty(RecentFeatures_Accumulator acc) {
    return acc.eventCount == 0;
  }

  @Override
  public RecentFeatures toRow(RecentFeatures_Accumulator acc, long windowStartMillis,
      long windowEndMillis) {
    RecentFeatures row = new RecentFeatures();
    row.ticker = acc.key_ticker;
    row.timestamp = Instant.ofEpochMilli(windowEndMillis);
    row.trades = acc.eventCount;
    row.lastPrices = acc.lastPrices_values == null ? null : acc.lastPrices_values.toList();
    row.firstPrices = acc.firstPrices_values == null ? null : acc.firstPrices_values.toList();
    row.lastSizes = acc.lastSizes_values == null ? null : acc.lastSizes_values.toList();
    row.lastDistinctBands = acc.lastDistinctBands_values == null ? null : acc.lastDistinctBands_values.toList();
    row.firstDistinctMod7 = acc.firstDistinctMod7_values == null ? null : acc.firstDistinctMod7_values.toList();
    row.lastBuyPrices = acc.lastBuyPrices_matched > 0 ? (acc.lastBuyPrices_values == null ? null : acc.lastBuyPrices_values.toList()) : null;
    row.firstSides = acc.firstSides_values == null ? null : acc.firstSides_values.toList();
    return row;
  }
}
