package io.featuresdk.benchmarks;

import java.time.Duration;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Variant (a): what the Hopsworks blog writes by hand, one {@code SlidingEventTimeWindows}
 * operator per window with an {@code AggregateFunction} and a {@code ProcessWindowFunction} that
 * stamps the window end (with the blog's bugs fixed: min/max seeded correctly, event time).
 */
final class HandWrittenWindows {
  private HandWrittenWindows() {}

  static void build(DataStream<Trade> timestamped, String sinkPrefix) {
    KeyedStream<Trade, String> keyed = timestamped.keyBy(new ProductKey(), Types.STRING);
    for (int minutes : new int[] {5, 10, 60}) {
      String label = minutes + "m";
      keyed
          .window(SlidingEventTimeWindows.of(Duration.ofMinutes(minutes), Duration.ofMinutes(1)))
          .aggregate(
              new TradeAggregate(),
              new ToResult(label),
              TypeInformation.of(TradeAccumulator.class),
              TypeInformation.of(TradeAccumulator.class),
              TypeInformation.of(ResultRow.class))
          .name("hand-written " + label)
          .sinkTo(CollectingSink.<ResultRow>collecting(sinkPrefix + label))
          .name("sink " + label);
    }
  }

  /** The blog's accumulator: a POJO with the running aggregates. */
  public static class TradeAccumulator {
    public long count;
    public double priceSum;
    public double priceMin = Double.POSITIVE_INFINITY;
    public double priceMax = Double.NEGATIVE_INFINITY;
    public double volume;
  }

  static final class ProductKey implements KeySelector<Trade, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(Trade trade) {
      return trade.productId;
    }
  }

  static final class TradeAggregate
      implements AggregateFunction<Trade, TradeAccumulator, TradeAccumulator> {
    private static final long serialVersionUID = 1L;

    @Override
    public TradeAccumulator createAccumulator() {
      return new TradeAccumulator();
    }

    @Override
    public TradeAccumulator add(Trade trade, TradeAccumulator acc) {
      acc.count++;
      acc.priceSum += trade.price;
      acc.priceMin = Math.min(acc.priceMin, trade.price);
      acc.priceMax = Math.max(acc.priceMax, trade.price);
      acc.volume += trade.lastSize;
      return acc;
    }

    @Override
    public TradeAccumulator getResult(TradeAccumulator acc) {
      return acc;
    }

    @Override
    public TradeAccumulator merge(TradeAccumulator a, TradeAccumulator b) {
      a.count += b.count;
      a.priceSum += b.priceSum;
      a.priceMin = Math.min(a.priceMin, b.priceMin);
      a.priceMax = Math.max(a.priceMax, b.priceMax);
      a.volume += b.volume;
      return a;
    }
  }

  static final class ToResult
      extends ProcessWindowFunction<TradeAccumulator, ResultRow, String, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final String label;

    ToResult(String label) {
      this.label = label;
    }

    @Override
    public void process(
        String key, Context context, Iterable<TradeAccumulator> accs, Collector<ResultRow> out) {
      TradeAccumulator acc = accs.iterator().next();
      out.collect(new ResultRow(label, key, context.window().getEnd(), acc.count, acc.volume,
          acc.priceMin, acc.priceMax, acc.priceSum / acc.count));
    }
  }
}
