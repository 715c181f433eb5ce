package io.featuresdk.benchmarks;

import io.featuresdk.runtime.FeaturePipeline;
import io.featuresdk.runtime.store.FeatureStores;
import io.featuresdk.runtime.store.local.OnlineRow;
import io.featuresdk.runtime.store.local.OnlineStoreReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * How fresh the local online store is while a job writes it: a paced real-time source (each
 * trade's event time is the wall-clock time it is generated, so arrival time = event time), the
 * ETH-USD window set ({@link TradeFeatures}: 5, 10 and 60 minutes every minute, 30 s
 * out-of-orderness) with the SDK's defaults (provisional rows, online flush), {@value #KEYS} keys,
 * on a local MiniCluster with 10 s checkpoints, as the example runs.
 *
 * <p>A second JVM ({@link ReaderProcess}) polls every group and key of the online store through
 * {@link OnlineStoreReader} about once a millisecond. For every change it observes (a new as-of
 * time), freshness = the wall-clock time it saw the change minus the row's as-of time, i.e. the
 * arrival of the newest event the row includes; every lookup's latency is recorded too. The first
 * seconds (job start-up) are not measured.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.featuresdk.benchmarks.FreshnessBenchmark \
 *     [--seconds 30] [--rates 200,10000]
 * </pre>
 */
public final class FreshnessBenchmark {
  static final int KEYS = 4;
  private static final List<String> GROUPS = List.of("trades_5m", "trades_10m", "trades_1h");
  private static final String RESULT = "freshness-result";

  private FreshnessBenchmark() {}

  /**
   * What the reader saw at one rate.
   *
   * @param changes the row changes observed (each a freshness sample)
   * @param lookups the point lookups made
   */
  record Measurement(
      int rate, long changes, long freshnessP50Millis, long freshnessP99Millis,
      long freshnessMaxMillis, long lookups, long readP50Micros, long readP99Micros) {}

  public static void main(String[] args) throws Exception {
    int seconds = 30;
    int[] rates = {200, 10_000};
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--rates" -> rates = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        default -> throw new IllegalArgumentException(
            "unknown argument " + args[i] + "; use --seconds N, --rates 200,10000");
      }
    }
    report(rates, seconds);
  }

  /** Measures each rate for {@code seconds} (after a few seconds of start-up) and prints the table. */
  static List<Measurement> report(int[] rates, int seconds) throws Exception {
    List<Measurement> measurements = new ArrayList<>();
    for (int rate : rates) {
      measurements.add(measure(rate, seconds, 5));
    }
    System.out.printf(
        "%nfreshness of the local online store, %d keys, windows 5m/10m/60m every 1m, bound 30 s,"
            + " %d s per rate, polled from a second JVM%n", KEYS, seconds);
    System.out.printf("%10s %10s %14s %14s %14s %12s %12s%n",
        "events/s", "changes", "fresh p50 ms", "fresh p99 ms", "fresh max ms", "read p50 us", "read p99 us");
    for (Measurement m : measurements) {
      System.out.printf("%,10d %,10d %14d %14d %14d %12d %12d%n", m.rate(), m.changes(),
          m.freshnessP50Millis(), m.freshnessP99Millis(), m.freshnessMaxMillis(),
          m.readP50Micros(), m.readP99Micros());
    }
    return measurements;
  }

  /** One run: the writer job at {@code rate}, the reader JVM for {@code warmUp + seconds}. */
  static Measurement measure(int rate, int seconds, int warmUpSeconds) throws Exception {
    Path store = Files.createTempDirectory("freshness-benchmark");
    JobClient writer = startWriter(store, rate);
    try {
      awaitEveryRow(store, writer);
      return runReaderProcess(store, rate, seconds, warmUpSeconds);
    } finally {
      writer.cancel().get(1, TimeUnit.MINUTES);
    }
  }

  private static JobClient startWriter(Path store, int rate) throws Exception {
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(1, new Configuration());
    env.enableCheckpointing(Duration.ofSeconds(10).toMillis());
    FeaturePipeline.of(TradeFeatures_FeatureGroup.instance())
        .from(env.fromSource(
            new DataGeneratorSource<>(new RealTimeTrades(), Long.MAX_VALUE,
                RateLimiterStrategy.perSecond(rate), TypeInformation.of(Trade.class)),
            WatermarkStrategy.noWatermarks(), "paced real-time trades"))
        .insertStream(FeatureStores.local(store));
    return env.executeAsync("freshness benchmark writer");
  }

  /** Polls the store until every group has a row per key: the reader then finds every table. */
  private static void awaitEveryRow(Path store, JobClient writer) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    try (OnlineStoreReader reader = OnlineStoreReader.open(store)) {
      for (String group : GROUPS) {
        while (reader.countOnline(group, 1) < KEYS) {
          if (System.nanoTime() > deadline || writer.getJobStatus().get().isGloballyTerminalState()) {
            throw new IllegalStateException("the writer produced no row per key within 2 minutes");
          }
          Thread.sleep(50);
        }
      }
    }
  }

  private static Measurement runReaderProcess(Path store, int rate, int seconds, int warmUpSeconds)
      throws IOException, InterruptedException {
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
        "-cp", System.getProperty("java.class.path"), ReaderProcess.class.getName(),
        store.toString(), Integer.toString(seconds), Integer.toString(warmUpSeconds));
    Process reader = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String result = null;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(reader.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(RESULT + " ")) {
          result = line;
        }
      }
    }
    int exit = reader.waitFor();
    if (exit != 0 || result == null) {
      throw new IllegalStateException("reader process exited with " + exit + " and no result line");
    }
    long[] v = Arrays.stream(result.substring(RESULT.length() + 1).split(" ")).mapToLong(Long::parseLong).toArray();
    return new Measurement(rate, v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
  }

  /**
   * The second JVM: polls every group and key about once a millisecond, records the freshness of
   * every change it sees and the latency of every lookup, prints one result line.
   */
  public static final class ReaderProcess {
    private ReaderProcess() {}

    public static void main(String[] args) {
      Path store = Path.of(args[0]);
      long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
      long end = measureFrom + TimeUnit.SECONDS.toNanos(Long.parseLong(args[1]));
      UnitHistogram freshness = new UnitHistogram(600_000); // milliseconds
      UnitHistogram latencies = new UnitHistogram(100_000); // microseconds
      long[][] lastAsOf = new long[GROUPS.size()][KEYS];
      String[] keys = new String[KEYS];
      for (int k = 0; k < KEYS; k++) {
        keys[k] = TradeStream.key(k);
      }
      try (OnlineStoreReader reader = OnlineStoreReader.open(store)) {
        for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
          boolean measuring = now >= measureFrom;
          for (int g = 0; g < GROUPS.size(); g++) {
            for (int k = 0; k < KEYS; k++) {
              long before = System.nanoTime();
              Optional<OnlineRow> row = reader.readOnlineRow(GROUPS.get(g), 1, keys[k]);
              long seenMillis = System.currentTimeMillis();
              if (measuring) {
                latencies.record((System.nanoTime() - before) / 1000);
              }
              if (row.isPresent() && row.get().asOfMicros() != lastAsOf[g][k]) {
                lastAsOf[g][k] = row.get().asOfMicros();
                if (measuring) {
                  freshness.record(seenMillis - row.get().asOfMicros() / 1000);
                }
              }
            }
          }
          // the polling interval bounds how late a change is seen
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
      }
      System.out.printf("%s %d %d %d %d %d %d %d%n", RESULT, freshness.count(),
          freshness.percentile(50), freshness.percentile(99), freshness.max(),
          latencies.count(), latencies.percentile(50), latencies.percentile(99));
    }
  }

  /** Trades over {@value #KEYS} keys stamped with the wall-clock time they are generated. */
  private static final class RealTimeTrades implements GeneratorFunction<Long, Trade> {
    private static final long serialVersionUID = 1L;

    @Override
    public Trade map(Long i) {
      return new Trade(TradeStream.key((int) (i % KEYS)), System.currentTimeMillis(),
          3_000 + (i % 100) / 10.0, 1 + i % 3);
    }
  }
}
