package io.featuresdk.benchmarks;

import io.featuresdk.runtime.FeaturePipeline;
import io.featuresdk.runtime.store.FeatureStores;
import io.featuresdk.runtime.store.local.OnlineStoreReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Point lookups in the local online store from a second JVM while a Flink job writes it, as a
 * model server would do them: read latency p50/p99/p99.9 and the reader's heap after GC over the
 * run (it must stay flat).
 *
 * <p>The writer is the ETH-USD window set ({@link TradeFeatures}) on a local MiniCluster, paced at
 * {@code --rate} trades per second over {@code --keys} keys, one minute of event time per second
 * of wall time: every second each of the three groups upserts one row per key. The reader JVM
 * ({@code -Xmx64m}) looks up random keys of {@code trades_5m} back to back for {@code --seconds}.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.featuresdk.benchmarks.OnlineReadBenchmark \
 *     [--seconds 40] [--keys 1000] [--rate 2000]
 * </pre>
 */
public final class OnlineReadBenchmark {
  private static final String GROUP = "trades_5m";

  private OnlineReadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = 40;
    int keys = 1000;
    int rate = 2000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--keys" -> keys = Integer.parseInt(args[++i]);
        case "--rate" -> rate = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException(
            "unknown argument " + args[i] + "; use --seconds N, --keys N, --rate N");
      }
    }
    Path store = Files.createTempDirectory("online-read-benchmark");
    JobClient writer = startWriter(store, keys, rate);
    try {
      awaitAllKeys(store, keys, writer);
      System.out.printf("writer: %d trades/s over %d keys, %d online rows/s per group%n",
          rate, keys, keys);
      int exit = runReaderProcess(store, seconds, keys);
      if (exit != 0) {
        throw new IllegalStateException("reader process exited with " + exit);
      }
    } finally {
      writer.cancel().get(1, TimeUnit.MINUTES);
    }
  }

  private static JobClient startWriter(Path store, int keys, int rate) throws Exception {
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(1, new Configuration());
    env.enableCheckpointing(Duration.ofSeconds(10).toMillis());
    long stepMillis = Math.max(1, 60_000L / rate);
    DataStream<Trade> trades =
        env.fromSource(
            new DataGeneratorSource<>(new PacedTrades(keys, stepMillis), Long.MAX_VALUE,
                RateLimiterStrategy.perSecond(rate), TypeInformation.of(Trade.class)),
            WatermarkStrategy.noWatermarks(), "paced trades");
    FeaturePipeline.of(TradeFeatures_FeatureGroup.instance())
        .from(trades)
        .insertStream(FeatureStores.local(store));
    return env.executeAsync("online read benchmark writer");
  }

  private static void awaitAllKeys(Path store, int keys, JobClient writer) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    try (OnlineStoreReader reader = OnlineStoreReader.open(store)) {
      while (reader.countOnline(GROUP, 1) < keys) {
        if (System.nanoTime() > deadline || writer.getJobStatus().get().isGloballyTerminalState()) {
          throw new IllegalStateException("the writer produced no row per key within 2 minutes");
        }
        Thread.sleep(100);
      }
    }
  }

  private static int runReaderProcess(Path store, int seconds, int keys)
      throws IOException, InterruptedException {
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
        "-cp", System.getProperty("java.class.path"), ReaderProcess.class.getName(),
        store.toString(), Integer.toString(seconds), Integer.toString(keys));
    Process reader = new ProcessBuilder(command).inheritIO().start();
    return reader.waitFor();
  }

  /** The second JVM: back-to-back lookups of random keys, latency histogram, heap samples. */
  public static final class ReaderProcess {
    private static final int PHASES = 4;

    private ReaderProcess() {}

    public static void main(String[] args) {
      Path store = Path.of(args[0]);
      long seconds = Long.parseLong(args[1]);
      int keys = Integer.parseInt(args[2]);
      String[] names = new String[keys];
      for (int k = 0; k < keys; k++) {
        names[k] = TradeStream.key(k);
      }
      SplittableRandom random = new SplittableRandom(1);
      try (OnlineStoreReader reader = OnlineStoreReader.open(store)) {
        lookups(reader, names, random, TimeUnit.SECONDS.toNanos(3), new UnitHistogram(10_000), new long[1]);
        UnitHistogram latencies = new UnitHistogram(10_000); // microseconds
        long[] misses = new long[1];
        long[] heapAfterGc = new long[PHASES + 1];
        heapAfterGc[0] = usedHeapAfterGc();
        long firstEnd = newestWindowEnd(reader, names);
        for (int phase = 1; phase <= PHASES; phase++) {
          lookups(reader, names, random, TimeUnit.SECONDS.toNanos(seconds) / PHASES, latencies, misses);
          heapAfterGc[phase] = usedHeapAfterGc();
        }
        long lastEnd = newestWindowEnd(reader, names);
        System.out.printf(
            "reader (second JVM, -Xmx64m): %,d lookups in %d s (%,.0f/s), %d found no row%n",
            latencies.count(), seconds, latencies.count() / (double) seconds, misses[0]);
        System.out.printf("read latency: p50 %d us, p99 %d us, p99.9 %d us, max %d us%n",
            latencies.percentile(50), latencies.percentile(99),
            latencies.percentile(99.9), latencies.max());
        StringBuilder heap = new StringBuilder("reader heap after GC (KiB), start and after each quarter:");
        for (long used : heapAfterGc) {
          heap.append(' ').append(used / 1024);
        }
        System.out.println(heap);
        System.out.printf("newest window end of %s advanced by %d minutes during the run%n",
            names[0], (lastEnd - firstEnd) / 60_000_000L);
      }
    }

    private static void lookups(OnlineStoreReader reader, String[] names, SplittableRandom random,
        long durationNanos, UnitHistogram latencies, long[] misses) {
      long end = System.nanoTime() + durationNanos;
      long now = System.nanoTime();
      while (now < end) {
        String key = names[random.nextInt(names.length)];
        Optional<GenericRecord> row = reader.readOnline(GROUP, 1, key);
        long after = System.nanoTime();
        latencies.record((after - now) / 1000);
        misses[0] += row.isPresent() ? 0 : 1;
        now = after;
      }
    }

    private static long newestWindowEnd(OnlineStoreReader reader, String[] names) {
      return (Long) reader.readOnline(GROUP, 1, names[0]).orElseThrow().get("timestamp");
    }

    private static long usedHeapAfterGc() {
      System.gc();
      Runtime runtime = Runtime.getRuntime();
      return runtime.totalMemory() - runtime.freeMemory();
    }
  }

  /** {@link TradeStream}'s trades, generated by index so the source can be paced. */
  private static final class PacedTrades implements GeneratorFunction<Long, Trade> {
    private static final long serialVersionUID = 1L;
    private final int keys;
    private final long stepMillis;
    private transient String[] names;

    PacedTrades(int keys, long stepMillis) {
      this.keys = keys;
      this.stepMillis = stepMillis;
    }

    @Override
    public Trade map(Long i) {
      if (names == null) {
        names = new String[keys];
        for (int k = 0; k < keys; k++) {
          names[k] = TradeStream.key(k);
        }
      }
      return TradeStream.trade(i, keys, stepMillis, names);
    }
  }
}
