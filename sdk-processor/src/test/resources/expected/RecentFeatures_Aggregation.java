package test;

import io.featuresdk.runtime.spi.EventTimeValues;
import io.featuresdk.runtime.spi.FeatureAggregation;
import io.featuresdk.runtime.spi.FrequentValues;
import java.time.Instant;
import javax.annotation.processing.Generated;
import org.apache.datasketches.frequencies.ItemsSketch;

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
    if (acc.firstFloatPrices_values == null) {
      acc.firstFloatPrices_values = new EventTimeValues<>(2, false, false);
    }
    acc.firstFloatPrices_values.add(input.eventTimeMillis, input.priceAsFloat);
    if (input.priceBand != null) {
      if (acc.topBands_sketch == null) {
        acc.topBands_sketch = new ItemsSketch<>(1024);
      }
      acc.topBands_sketch.update(input.priceBand);
    }
    if (input.buy) {
      if (acc.topBuyMod7_sketch == null) {
        acc.topBuyMod7_sketch = new ItemsSketch<>(1024);
      }
      acc.topBuyMod7_sketch.update(input.priceMod7);
      acc.topBuyMod7_matched++;
    }
    if (acc.topBuckets_sketch == null) {
      acc.topBuckets_sketch = new ItemsSketch<>(32);
    }
    acc.topBuckets_sketch.update(input.priceBucket);
    if (acc.majoritySide_sketch == null) {
      acc.majoritySide_sketch = new ItemsSketch<>(1024);
    }
    acc.majoritySide_sketch.update(input.buy);
    if (acc.topPrices_sketch == null) {
      acc.topPrices_sketch = new ItemsSketch<>(64);
    }
    acc.topPrices_sketch.update(input.price);
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
    if (other.firstFloatPrices_values != null) {
      if (target.firstFloatPrices_values == null) {
        target.firstFloatPrices_values = other.firstFloatPrices_values.copy();
      } else {
        target.firstFloatPrices_values.mergeLater(other.firstFloatPrices_values);
      }
    }
    if (other.topBands_sketch != null) {
      if (target.topBands_sketch == null) {
        target.topBands_sketch = new ItemsSketch<>(1024);
      }
      target.topBands_sketch.merge(other.topBands_sketch);
    }
    if (other.topBuyMod7_sketch != null) {
      if (target.topBuyMod7_sketch == null) {
        target.topBuyMod7_sketch = new ItemsSketch<>(1024);
      }
      target.topBuyMod7_sketch.merge(other.topBuyMod7_sketch);
    }
    target.topBuyMod7_matched += other.topBuyMod7_matched;
    if (other.topBuckets_sketch != null) {
      if (target.topBuckets_sketch == null) {
        target.topBuckets_sketch = new ItemsSketch<>(32);
      }
      target.topBuckets_sketch.merge(other.topBuckets_sketch);
    }
    if (other.majoritySide_sketch != null) {
      if (target.majoritySide_sketch == null) {
        target.majoritySide_sketch = new ItemsSketch<>(1024);
      }
      target.majoritySide_sketch.merge(other.majoritySide_sketch);
    }
    if (other.topPrices_sketch != null) {
      if (target.topPrices_sketch == null) {
        target.topPrices_sketch = new ItemsSketch<>(64);
      }
      target.topPrices_sketch.merge(other.topPrices_sketch);
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
    row.firstFloatPrices = acc.firstFloatPrices_values == null ? null : acc.firstFloatPrices_values.toList();
    row.topBands = acc.topBands_sketch == null ? null : FrequentValues.top(acc.topBands_sketch, 3);
    row.topBuyMod7 = acc.topBuyMod7_matched > 0 ? (acc.topBuyMod7_sketch == null ? null : FrequentValues.top(acc.topBuyMod7_sketch, 2)) : null;
    row.topBuckets = acc.topBuckets_sketch == null ? null : FrequentValues.top(acc.topBuckets_sketch, 4);
    row.majoritySide = acc.majoritySide_sketch == null ? null : FrequentValues.top(acc.majoritySide_sketch, 1);
    row.topPrices = acc.topPrices_sketch == null ? null : FrequentValues.top(acc.topPrices_sketch, 3);
    return row;
  }

  @Override
  public RecentFeatures emptyRow(RecentFeatures keyed, long windowStartMillis,
      long windowEndMillis) {
    RecentFeatures row = new RecentFeatures();
    row.ticker = keyed.ticker;
    row.timestamp = Instant.ofEpochMilli(windowEndMillis);
    row.trades = 0L;
    return row;
  }
}
