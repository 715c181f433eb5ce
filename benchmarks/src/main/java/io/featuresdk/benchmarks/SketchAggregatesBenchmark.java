package io.featuresdk.benchmarks;

import io.featuresdk.runtime.FeaturePipeline;
import io.featuresdk.runtime.FeatureStreams;
import io.featuresdk.runtime.spi.FeatureGroupDefinition;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.FeatureRecord;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Today's price group ({@link TradeFeatures}) next to the same group with a standard deviation,
 * an approximate distinct count and a 95th percentile ({@link TradeSketchFeatures}), and with the
 * last 5 prices and the 3 most frequent sizes ({@link TradeRecentFeatures}), all in the default
 * sliced mode on the same stream: what sketch and list state costs per event.
 */
final class SketchAggregatesBenchmark {
  private SketchAggregatesBenchmark() {}

  /** One run: events, net run time, and the Avro records written over all windows. */
  record Run(String title, long events, long millis, long records) {
    double eventsPerSecond() {
      return events * 1_000.0 / Math.max(1, millis);
    }
  }

  static Run priceGroup(long events, int keys) throws Exception {
    return run("price group (avg, min, max, count, sum)",
        TradeFeatures_FeatureGroup.instance(), events, keys);
  }

  static Run sketchGroup(long events, int keys) throws Exception {
    return run("price group + stddev, approx distinct, p95",
        TradeSketchFeatures_FeatureGroup.instance(), events, keys);
  }

  static Run recentGroup(long events, int keys) throws Exception {
    return run("price group + last 5 prices, top 3 sizes",
        TradeRecentFeatures_FeatureGroup.instance(), events, keys);
  }

  private static <R> Run run(String title, FeatureGroupDefinition<Trade, ?, ?, ?, R> definition,
      long events, int keys) throws Exception {
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(1, new Configuration());
    String sink = "sketch-" + System.nanoTime() + "-";
    FeatureStreams<R> features = FeaturePipeline.of(definition)
        .from(TradeStream.create(env, events, keys, BenchmarkMain.stepMillis(keys)));
    for (WindowSpec window : features.windows()) {
      // provisional rows depend on processing time; the final rows are what both groups must agree on
      features.records(window)
          .filter(record -> !record.provisional())
          .sinkTo(CollectingSink.<FeatureRecord>counting(sink + window.sizeMillis()))
          .name("sink " + WindowBenchmark.label(window));
    }
    JobExecutionResult job = env.execute(title);
    long records = 0;
    for (WindowSpec window : features.windows()) {
      records += CollectingSink.count(sink + window.sizeMillis());
    }
    return new Run(title, events, job.getNetRuntime(TimeUnit.MILLISECONDS), records);
  }

  /** Runs the groups on the same stream and prints their throughput and ratio to the first. */
  static boolean report(long events, int keys) throws Exception {
    Run price = priceGroup(events, keys);
    Run sketches = sketchGroup(events, keys);
    Run recent = recentGroup(events, keys);
    System.out.printf(
        "%n%,d events, %d key%s, windows 5m/10m/60m every 1m, sliced, parallelism 1%n",
        events, keys, keys == 1 ? "" : "s");
    System.out.printf("%-45s %14s %10s %10s%n", "group", "events/s", "ratio", "rows");
    for (Run run : new Run[] {price, sketches, recent}) {
      System.out.printf("%-45s %,14.0f %9.2fx %,10d%n", run.title(), run.eventsPerSecond(),
          run.eventsPerSecond() / price.eventsPerSecond(), run.records());
    }
    boolean sameRows = price.records() == sketches.records()
        && price.records() == recent.records() && price.records() > 0;
    System.out.println(sameRows ? "rows: all groups emitted the same number of rows"
        : "ROWS DIFFER: " + price.records() + " vs " + sketches.records() + " vs "
            + recent.records());
    return sameRows;
  }
}
