package test;

import io.featuresdk.runtime.spi.FeatureAggregation;
import java.time.Instant;
import java.util.HashSet;
import javax.annotation.processing.Generated;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * Aggregates {@link Quote} events into {@link SketchFeatures} rows; allocation-free per event.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class SketchFeatures_Aggregation implements FeatureAggregation<SketchFeatures_Input, SketchFeatures_Accumulator, SketchFeatures> {
  private static final long serialVersionUID = 1L;

  @Override
  public SketchFeatures_Accumulator createAccumulator() {
    return new SketchFeatures_Accumulator();
  }

  @Override
  public void add(SketchFeatures_Accumulator acc, SketchFeatures_Input input) {
    if (acc.eventCount == 0) {
      acc.key_ticker = input.product;
    }
    if (acc.distinctPrices_hll == null) {
      acc.distinctPrices_hll = new Union(12);
    }
    acc.distinctPrices_hll.update(input.price);
    if (input.buy) {
      if (input.size != null) {
        if (acc.distinctBuySizes_hll == null) {
          acc.distinctBuySizes_hll = new Union(10);
        }
        acc.distinctBuySizes_hll.update(input.size);
      }
      acc.distinctBuySizes_matched++;
    }
    if (acc.price__kll200 == null) {
      acc.price__kll200 = KllDoublesSketch.newHeapInstance(200);
    }
    acc.price__kll200.update(input.price);
    if (input.buy) {
      if (input.size != null) {
        if (acc.size__kll200_where_buy == null) {
          acc.size__kll200_where_buy = KllDoublesSketch.newHeapInstance(200);
        }
        acc.size__kll200_where_buy.update(input.size);
      }
      acc.buySizeP90_matched++;
    }
    if (acc.distinctPricesUpTo50_values == null) {
      acc.distinctPricesUpTo50_values = new HashSet<>();
    }
    if (acc.distinctPricesUpTo50_values.size() < 50) {
      acc.distinctPricesUpTo50_values.add(String.valueOf(input.price));
    }
    if (input.buy) {
      if (input.size != null) {
        if (acc.distinctBuySizesExact_values == null) {
          acc.distinctBuySizesExact_values = new HashSet<>();
        }
        if (acc.distinctBuySizesExact_values.size() < 100000) {
          acc.distinctBuySizesExact_values.add(String.valueOf(input.size));
        }
      }
      acc.distinctBuySizesExact_matched++;
    }
    acc.eventCount++;
  }

  @Override
  public void merge(SketchFeatures_Accumulator target, SketchFeatures_Accumulator other) {
    if (target.eventCount == 0) {
      target.key_ticker = other.key_ticker;
    }
    if (other.distinctPrices_hll != null) {
      if (target.distinctPrices_hll == null) {
        target.distinctPrices_hll = new Union(12);
      }
      target.distinctPrices_hll.update(other.distinctPrices_hll.getResult());
    }
    if (other.distinctBuySizes_hll != null) {
      if (target.distinctBuySizes_hll == null) {
        target.distinctBuySizes_hll = new Union(10);
      }
      target.distinctBuySizes_hll.update(other.distinctBuySizes_hll.getResult());
    }
    target.distinctBuySizes_matched += other.distinctBuySizes_matched;
    if (other.price__kll200 != null) {
      if (target.price__kll200 == null) {
        target.price__kll200 = KllDoublesSketch.newHeapInstance(200);
      }
      target.price__kll200.merge(other.price__kll200);
    }
    if (other.size__kll200_where_buy != null) {
      if (target.size__kll200_where_buy == null) {
        target.size__kll200_where_buy = KllDoublesSketch.newHeapInstance(200);
      }
      target.size__kll200_where_buy.merge(other.size__kll200_where_buy);
    }
    target.buySizeP90_matched += other.buySizeP90_matched;
    if (other.distinctPricesUpTo50_values != null) {
      if (target.distinctPricesUpTo50_values == null) {
        target.distinctPricesUpTo50_values = new HashSet<>();
      }
      for (String distinctPricesUpTo50_value : other.distinctPricesUpTo50_values) {
        if (target.distinctPricesUpTo50_values.size() >= 50) {
          break;
        }
        target.distinctPricesUpTo50_values.add(distinctPricesUpTo50_value);
      }
    }
    if (other.distinctBuySizesExact_values != null) {
      if (target.distinctBuySizesExact_values == null) {
        target.distinctBuySizesExact_values = new HashSet<>();
      }
      for (String distinctBuySizesExact_value : other.distinctBuySizesExact_values) {
        if (target.distinctBuySizesExact_values.size() >= 100000) {
          break;
        }
        target.distinctBuySizesExact_values.add(distinctBuySizesExact_value);
      }
    }
    target.distinctBuySizesExact_matched += other.distinctBuySizesExact_matched;
    target.eventCount += other.eventCount;
  }

  @Override
  public boolean isEmpty(SketchFeatures_Accumulator acc) {
    return acc.eventCount == 0;
  }

  @Override
  public SketchFeatures toRow(SketchFeatures_Accumulator acc, long windowStartMillis,
      long windowEndMillis) {
    SketchFeatures row = new SketchFeatures();
    row.ticker = acc.key_ticker;
    row.timestamp = Instant.ofEpochMilli(windowEndMillis);
    row.trades = acc.eventCount;
    row.distinctPrices = acc.distinctPrices_hll == null ? 0L : Math.round(acc.distinctPrices_hll.getEstimate());
    row.distinctBuySizes = acc.distinctBuySizes_hll == null ? 0L : Math.round(acc.distinctBuySizes_hll.getEstimate());
    row.priceP95 = acc.price__kll200.getQuantile(0.95);
    row.priceMedian = acc.price__kll200 != null ? acc.price__kll200.getQuantile(0.5) : null;
    row.buySizeP90 = acc.buySizeP90_matched > 0 ? (acc.size__kll200_where_buy != null ? acc.size__kll200_where_buy.getQuantile(0.9) : null) : null;
    row.distinctPricesUpTo50 = acc.distinctPricesUpTo50_values == null ? 0L : (long) acc.distinctPricesUpTo50_values.size();
    row.distinctBuySizesExact = acc.distinctBuySizesExact_values == null ? 0L : (long) acc.distinctBuySizesExact_values.size();
    return row;
  }

  @Override
  public SketchFeatures emptyRow(SketchFeatures keyed, long windowStartMillis,
      long windowEndMillis) {
    SketchFeatures row = new SketchFeatures();
    row.ticker = keyed.ticker;
    row.timestamp = Instant.ofEpochMilli(windowEndMillis);
    row.trades = 0L;
    return row;
  }
}
