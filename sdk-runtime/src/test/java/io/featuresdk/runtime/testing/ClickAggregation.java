package io.featuresdk.runtime.testing;

import io.featuresdk.runtime.spi.FeatureAggregation;

/** Stand-in for a generated aggregation: count, sum, min, max of the amount. */
public final class ClickAggregation
    implements FeatureAggregation<ClickInput, ClickAccumulator, ClickFeatures> {
  private static final long serialVersionUID = 1L;

  @Override
  public ClickAccumulator createAccumulator() {
    return new ClickAccumulator();
  }

  @Override
  public void add(ClickAccumulator acc, ClickInput input) {
    if (acc.count == 0) {
      acc.user = input.user;
      acc.min = input.amount;
      acc.max = input.amount;
    } else {
      acc.min = Math.min(acc.min, input.amount);
      acc.max = Math.max(acc.max, input.amount);
    }
    acc.count++;
    acc.sum += input.amount;
  }

  @Override
  public void merge(ClickAccumulator target, ClickAccumulator other) {
    if (other.count == 0) {
      return;
    }
    if (target.count == 0) {
      target.user = other.user;
      target.min = other.min;
      target.max = other.max;
    } else {
      target.min = Math.min(target.min, other.min);
      target.max = Math.max(target.max, other.max);
    }
    target.count += other.count;
    target.sum += other.sum;
  }

  @Override
  public boolean isEmpty(ClickAccumulator acc) {
    return acc.count == 0;
  }

  @Override
  public ClickFeatures toRow(ClickAccumulator acc, long windowStartMillis, long windowEndMillis) {
    ClickFeatures row = new ClickFeatures();
    row.user = acc.user;
    row.windowEnd = windowEndMillis;
    row.count = acc.count;
    row.sum = acc.sum;
    row.min = acc.min;
    row.max = acc.max;
    return row;
  }

  @Override
  public ClickFeatures emptyRow(ClickFeatures keyed, long windowStartMillis, long windowEndMillis) {
    ClickFeatures row = new ClickFeatures();
    row.user = keyed.user;
    row.windowEnd = windowEndMillis;
    return row;
  }
}
