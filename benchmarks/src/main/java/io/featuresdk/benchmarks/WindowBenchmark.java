package io.featuresdk.benchmarks;

import io.featuresdk.runtime.FeaturePipeline;
import io.featuresdk.runtime.FeatureStreams;
import io.featuresdk.runtime.WindowMode;
import io.featuresdk.runtime.spi.FeatureRowCodec;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.FeatureRecord;
import io.featuresdk.runtime.window.SlicedWindowEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs one variant over the generated stream on a fresh local MiniCluster at parallelism 1 and
 * reports its net job run time and its rows.
 */
final class WindowBenchmark {

  /** The compared variants, in the order they are reported. */
  enum Variant {
    HAND_WRITTEN("(a) hand-written DataStream windows"),
    SQL_HOP("(b) Flink SQL HOP"),
    FEATURESDK_NATIVE("(c) featuresdk native mode"),
    FEATURESDK_SLICED("(d) featuresdk sliced mode"),
    SOURCE_AND_SINK("(e) source, keyBy and sink only"),
    FEATURESDK_FINAL_ONLY("(f) featuresdk sliced, final rows only");

    final String title;

    Variant(String title) {
      this.title = title;
    }
  }

  /** The keyed state backend a run keeps its windows in; both embedded, no server. */
  enum Backend {
    HEAP("hashmap"),
    ROCKSDB("rocksdb");

    /** The value of {@code state.backend.type}. */
    final String type;

    Backend(String type) {
      this.type = type;
    }
  }

  /** One run: the net run time and the rows (empty for {@link Variant#SOURCE_AND_SINK}). */
  record Result(Variant variant, long events, long millis, List<ResultRow> rows, long records) {
    double eventsPerSecond() {
      return events * 1_000.0 / Math.max(1, millis);
    }
  }

  /** Where RocksDB keeps timers; spelled out so it reads the same on every Flink line. */
  static final ConfigOption<String> ROCKSDB_TIMERS =
      ConfigOptions.key("state.backend.rocksdb.timer-service.factory").stringType().defaultValue("ROCKSDB");

  private WindowBenchmark() {}

  static Result run(Variant variant, long events, int keys, long stepMillis) throws Exception {
    return run(variant, events, keys, stepMillis, Backend.HEAP);
  }

  static Result run(Variant variant, long events, int keys, long stepMillis, Backend backend)
      throws Exception {
    Configuration config = new Configuration();
    config.set(StateBackendOptions.STATE_BACKEND, backend.type);
    // timers on the heap, as Flink allows with RocksDB (README: a setting users should copy);
    // SQL too, though its window TVF aggregation then fires timers with the last buffered key
    // (FLINK-39589): with RocksDB timers it does not finish this workload in minutes
    config.set(ROCKSDB_TIMERS, "HEAP");
    // the local default leaves RocksDB a write buffer so small it flushes constantly (Flink warns)
    config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(256));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, config);
    String sink = variant.name() + "-" + System.nanoTime() + "-";
    FeaturePipeline<Trade, TradeFeatures> pipeline =
        FeaturePipeline.of(TradeFeatures_FeatureGroup.instance());
    DataStream<Trade> trades = TradeStream.create(env, events, keys, stepMillis);
    List<String> windowSinks = new ArrayList<>();
    switch (variant) {
      case HAND_WRITTEN -> {
        HandWrittenWindows.build(trades.assignTimestampsAndWatermarks(pipeline.watermarkStrategy()), sink);
        for (String label : List.of("5m", "10m", "60m")) {
          windowSinks.add(sink + label);
        }
      }
      case SQL_HOP -> {
        SqlHopWindows.build(env, trades.assignTimestampsAndWatermarks(pipeline.watermarkStrategy()), sink);
        windowSinks.add(sink);
      }
      case FEATURESDK_NATIVE, FEATURESDK_SLICED, FEATURESDK_FINAL_ONLY -> {
        // (d) refreshes provisional rows at the default interval, (f) emits final rows only
        String refresh = variant == Variant.FEATURESDK_FINAL_ONLY ? "0" : null;
        String previous = swapProperty(SlicedWindowEngine.PROVISIONAL_REFRESH_PROPERTY, refresh);
        try {
          FeatureStreams<TradeFeatures> features =
              pipeline
                  .withWindowMode(variant == Variant.FEATURESDK_NATIVE ? WindowMode.NATIVE : WindowMode.SLICED)
                  .from(trades);
          for (WindowSpec window : features.windows()) {
            String name = sink + label(window);
            features.records(window).sinkTo(CollectingSink.<FeatureRecord>collecting(name)).name("sink " + label(window));
            windowSinks.add(name);
          }
        } finally {
          swapProperty(SlicedWindowEngine.PROVISIONAL_REFRESH_PROPERTY, previous);
        }
      }
      case SOURCE_AND_SINK ->
          trades.assignTimestampsAndWatermarks(pipeline.watermarkStrategy())
              .keyBy(new HandWrittenWindows.ProductKey(), Types.STRING)
              .sinkTo(CollectingSink.<Trade>counting(sink))
              .name("sink");
    }
    JobExecutionResult job = env.execute(variant.title);
    long millis = job.getNetRuntime(TimeUnit.MILLISECONDS);
    if (variant == Variant.SOURCE_AND_SINK) {
      return new Result(variant, events, millis, List.of(), CollectingSink.count(sink));
    }
    List<ResultRow> rows = new ArrayList<>();
    for (String name : windowSinks) {
      List<Object> records = CollectingSink.take(name);
      for (Object record : records) {
        if (record instanceof FeatureRecord encoded && encoded.provisional()) {
          continue; // online-only early rows: the cross-check compares final rows
        }
        rows.add(record instanceof FeatureRecord encoded ? decode(encoded, name) : (ResultRow) record);
      }
    }
    return new Result(variant, events, millis, rows, rows.size());
  }

  /** Sets (or, for null, clears) a system property and returns its previous value. */
  private static String swapProperty(String name, String value) {
    String previous = System.getProperty(name);
    if (value == null) {
      System.clearProperty(name);
    } else {
      System.setProperty(name, value);
    }
    return previous;
  }

  /** {@code 5m}, {@code 10m}, {@code 60m}: the labels the other variants use. */
  static String label(WindowSpec window) {
    return window.sizeMillis() / 60_000 + "m";
  }

  private static ResultRow decode(FeatureRecord record, String sinkName) {
    FeatureRowCodec<TradeFeatures> codec = TradeFeatures_FeatureGroup.instance().codec();
    try {
      BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(record.value(), null);
      TradeFeatures row = codec.decode(decoder);
      String window = sinkName.substring(sinkName.lastIndexOf('-') + 1);
      return new ResultRow(window, row.productId, row.timestamp.toEpochMilli(), row.trades,
          row.volume, row.priceMin, row.priceMax, row.priceAvg);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
