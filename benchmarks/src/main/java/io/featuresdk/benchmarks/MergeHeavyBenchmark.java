package io.featuresdk.benchmarks;

import io.featuresdk.runtime.FeaturePipeline;
import io.featuresdk.runtime.FeatureStreams;
import io.featuresdk.runtime.WindowMode;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.FeatureRecord;
import io.featuresdk.runtime.window.SlicedWindowEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.DecoderFactory;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One day every 10 s (8,640 slices a window) on one key with a trade every 100 ms: Flink SQL
 * {@code HOP}, featuresdk sliced merging every slice at each fire, and sliced with two stacks.
 */
final class MergeHeavyBenchmark {
  static final long STEP_MILLIS = 100;

  enum Variant {
    SQL_HOP("(b) Flink SQL HOP(10s, 1d)"),
    SLICED_MERGE_ALL("(d) sliced, merge all 8,640 slices"),
    SLICED_TWO_STACKS("(d) sliced, two stacks (default)");

    final String title;

    Variant(String title) {
      this.title = title;
    }
  }

  private MergeHeavyBenchmark() {}

  static WindowBenchmark.Result run(Variant variant, long events) throws Exception {
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(1, new Configuration());
    String sink = "day-" + variant + "-" + System.nanoTime();
    FeaturePipeline<Trade, DayTradeFeatures> pipeline =
        FeaturePipeline.of(DayTradeFeatures_FeatureGroup.instance());
    DataStream<Trade> trades = TradeStream.create(env, events, 1, STEP_MILLIS);
    String previous = System.getProperty(SlicedWindowEngine.STACK_THRESHOLD_PROPERTY);
    try {
      if (variant == Variant.SQL_HOP) {
        SqlHopWindows.build(env, trades.assignTimestampsAndWatermarks(pipeline.watermarkStrategy()),
            sink, new String[] {"1d"}, new long[] {86_400}, 10);
      } else {
        System.setProperty(SlicedWindowEngine.STACK_THRESHOLD_PROPERTY,
            variant == Variant.SLICED_MERGE_ALL ? String.valueOf(Integer.MAX_VALUE) : "16");
        FeatureStreams<DayTradeFeatures> features =
            pipeline.withWindowMode(WindowMode.SLICED).from(trades);
        WindowSpec day = features.windows().get(0);
        features.records(day).sinkTo(CollectingSink.<FeatureRecord>collecting(sink)).name("sink");
      }
    } finally {
      if (previous == null) {
        System.clearProperty(SlicedWindowEngine.STACK_THRESHOLD_PROPERTY);
      } else {
        System.setProperty(SlicedWindowEngine.STACK_THRESHOLD_PROPERTY, previous);
      }
    }
    JobExecutionResult job = env.execute(variant.title);
    List<ResultRow> rows = new ArrayList<>();
    for (Object record : CollectingSink.take(sink)) {
      if (record instanceof FeatureRecord encoded && encoded.provisional()) {
        continue; // online-only early rows: the cross-check compares final rows
      }
      rows.add(record instanceof FeatureRecord encoded ? decode(encoded) : (ResultRow) record);
    }
    return new WindowBenchmark.Result(
        null, events, job.getNetRuntime(TimeUnit.MILLISECONDS), rows, rows.size());
  }

  private static ResultRow decode(FeatureRecord record) {
    try {
      DayTradeFeatures row = DayTradeFeatures_FeatureGroup.instance().codec()
          .decode(DecoderFactory.get().binaryDecoder(record.value(), null));
      return new ResultRow("1d", row.productId, row.timestamp.toEpochMilli(), row.trades,
          row.volume, row.priceMin, row.priceMax, row.priceAvg);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
