package io.featuresdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.FeatureStores;
import io.featuresdk.runtime.store.local.LocalFeatureStoreReader;
import io.featuresdk.runtime.testing.Click;
import io.featuresdk.runtime.testing.ClickFeatureGroup;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickFeaturesCodec;
import io.featuresdk.runtime.testing.ClickOracle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import io.featuresdk.runtime.window.RowKind;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** End to end on a MiniCluster: events in, local store out, checked against a brute-force oracle. */
class FeaturePipelineITCase {
  private static final int PARALLELISM = 2;
  private static final long T0 = 1_700_000_000_000L;
  private static final Duration BOUND = Duration.ofSeconds(2);
  private static final WindowSpec SLIDING_10S = WindowSpec.sliding(Duration.ofSeconds(10), Duration.ofSeconds(2));
  private static final WindowSpec TUMBLING_6S = WindowSpec.tumbling(Duration.ofSeconds(6));

  private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(PARALLELISM)
              .setConfiguration(METRICS.addToConfiguration(new Configuration()))
              .build());

  @TempDir Path store;

  /** Seeded events: 5 users, ~2 minutes, each event up to BOUND - 1 ms behind the newest one. */
  private static List<Click> randomEvents(long seed, int count) {
    Random random = new Random(seed);
    List<Click> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long arrival = T0 + i * 41L;
      long time = arrival - random.nextInt((int) BOUND.toMillis());
      double amount = Math.round(random.nextDouble() * 10_000) / 100.0 - 20;
      events.add(new Click("user" + random.nextInt(5), time, amount));
    }
    return events;
  }

  /** The first event time: the start of the range the events cover. */
  private static long from(List<Click> events) {
    return events.stream().mapToLong(e -> e.timeMillis).min().orElseThrow();
  }

  /** Just after the last event time: the end of the range the events cover. */
  private static long until(List<Click> events) {
    return events.stream().mapToLong(e -> e.timeMillis).max().orElseThrow() + 1;
  }

  /** The pipeline told the range the events cover: its complete windows are the oracle's inside it. */
  private static FeaturePipeline<Click, ClickFeatures> covering(
      ClickFeatureGroup group, List<Click> events) {
    return FeaturePipeline.of(group)
        .withInputCoverage(Instant.ofEpochMilli(from(events)), Instant.ofEpochMilli(until(events)));
  }

  /** The oracle's rows whose window lies inside the range {@code events} cover. */
  private static Map<String, ClickFeatures> complete(List<Click> events, WindowSpec window) {
    Map<String, ClickFeatures> all = ClickOracle.rows(events, window);
    Map<String, ClickFeatures> inside = ClickOracle.inside(all, window, from(events), until(events));
    assertTrue(inside.size() < all.size(), window + ": some windows are truncated");
    return inside;
  }

  private static StreamExecutionEnvironment environment(int parallelism) {
    // No Kryo anywhere in the job: a generic type fails the job instead of slowing it down.
    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
    config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(parallelism);
    env.enableCheckpointing(200);
    return env;
  }

  private static JobID run(StreamExecutionEnvironment env) throws Exception {
    JobClient job = env.executeAsync("features test");
    job.getJobExecutionResult().get(2, TimeUnit.MINUTES);
    return job.getJobID();
  }

  @Test
  void offlineRowsAreTheCompleteWindowsAndOnlineRowsTheLatestOfAllOfTheBruteForceOracle()
      throws Exception {
    List<Click> events = randomEvents(42, 3_000);
    ClickFeatureGroup group =
        new ClickFeatureGroup("clicks_{window}", BOUND, true, SLIDING_10S, TUMBLING_6S);
    StreamExecutionEnvironment env = environment(PARALLELISM);

    covering(group, events)
        .fromSource(env, new DataGeneratorSource<>(new ReplayClicks(events), events.size(),
            TypeInformation.of(Click.class)), "clicks")
        .insertStream(FeatureStores.local(store));
    JobID job = run(env);

    try (LocalFeatureStoreReader reader = LocalFeatureStoreReader.open(store)) {
      assertEquals(List.of("clicks_10s", "clicks_6s"),
          reader.groups().stream().map(g -> g.name()).toList());
      for (WindowSpec window : List.of(SLIDING_10S, TUMBLING_6S)) {
        String name = group.info().groupName(window);
        List<ClickFeatures> offline = reader.readOffline(name, 1, new ClickFeaturesCodec());
        assertRowsEqual(name + " offline", complete(events, window), offline);
        assertOnlineEqual(
            name,
            ClickOracle.latestPerUser(ClickOracle.rows(events, window)),
            reader.readOnline(name, 1));
      }
    }
    assertEquals(0, lateEvents(job), "no event was behind the watermark bound");
  }

  @Test
  void fromDataStreamAssignsTimestampsAndBothRecordsAndTypedRowsOfEachKindMatchTheOracle()
      throws Exception {
    List<Click> events = randomEvents(7, 1_000);
    ClickFeatureGroup group = new ClickFeatureGroup("clicks_{window}", BOUND, false, SLIDING_10S);
    StreamExecutionEnvironment env = environment(PARALLELISM);

    FeatureStreams<ClickFeatures> streams =
        covering(group, events).from(env.fromData(events, TypeInformation.of(Click.class)));
    streams.insertStream(FeatureStores.local(store));
    List<ClickFeatures> completeRows = new ArrayList<>();
    List<ClickFeatures> truncatedRows = new ArrayList<>();
    try (CloseableIterator<ClickFeatures> complete = streams.rows(SLIDING_10S).collectAsync();
        CloseableIterator<ClickFeatures> truncated =
            streams.rows(SLIDING_10S, RowKind.TRUNCATED).collectAsync()) {
      run(env);
      complete.forEachRemaining(completeRows::add);
      truncated.forEachRemaining(truncatedRows::add);
    }

    Map<String, ClickFeatures> complete = complete(events, SLIDING_10S);
    Map<String, ClickFeatures> truncated = new TreeMap<>(ClickOracle.rows(events, SLIDING_10S));
    truncated.keySet().removeAll(complete.keySet());
    assertRowsEqual("clicks_10s rows()", complete, completeRows);
    assertRowsEqual("clicks_10s rows(TRUNCATED)", truncated, truncatedRows);
    try (LocalFeatureStoreReader reader = LocalFeatureStoreReader.open(store)) {
      assertRowsEqual("clicks_10s offline", complete,
          reader.readOffline("clicks_10s", 1, new ClickFeaturesCodec()));
      assertFalse(reader.group("clicks_10s", 1).online());
    }
  }

  @Test
  void aFailureAfterACheckpointNeitherLosesNorDuplicatesRows() throws Exception {
    List<Click> events = randomEvents(99, 2_000);
    ClickFeatureGroup group = new ClickFeatureGroup("clicks_{window}", BOUND, true, TUMBLING_6S);
    StreamExecutionEnvironment env = environment(PARALLELISM);
    FailOnceAfterCheckpoint.failed.set(false);
    // At most 250 events per checkpoint, so the failure surely hits a job with committed rows
    // and rows emitted after the last checkpoint.
    DataStream<Click> clicks =
        env.fromSource(
                new DataGeneratorSource<>(new ReplayClicks(events), events.size(),
                    RateLimiterStrategy.perCheckpoint(250), TypeInformation.of(Click.class)),
                WatermarkStrategy.noWatermarks(), "clicks")
            .map(new FailOnceAfterCheckpoint(), TypeInformation.of(Click.class));

    covering(group, events).from(clicks).insertStream(FeatureStores.local(store));
    run(env);

    assertTrue(FailOnceAfterCheckpoint.failed.get(), "the job should have failed once");
    try (LocalFeatureStoreReader reader = LocalFeatureStoreReader.open(store)) {
      assertRowsEqual("clicks_6s offline after failover", complete(events, TUMBLING_6S),
          reader.readOffline("clicks_6s", 1, new ClickFeaturesCodec()));
      assertOnlineEqual("clicks_6s", ClickOracle.latestPerUser(ClickOracle.rows(events, TUMBLING_6S)),
          reader.readOnline("clicks_6s", 1));
    }
  }

  @Test
  void eventsBehindTheWatermarkAreDroppedAndCountedInLateEventsMetric() throws Exception {
    WindowSpec tumbling10s = WindowSpec.tumbling(Duration.ofSeconds(10));
    ClickFeatureGroup group =
        new ClickFeatureGroup("late_{window}", Duration.ofSeconds(1), true, tumbling10s);
    List<Click> events =
        List.of(
            new Click("a", T0 + 1_000, 1),
            new Click("b", T0 + 2_000, 5),
            new Click("a", T0 + 25_000, 2), // watermark T0 + 23_999: [T0, T0 + 10s) fires
            new Click("a", T0 + 5_000, 100), // late: its only window has fired
            new Click("b", T0 + 3_000, 100), // late
            new Click("a", T0 + 23_500, 3)); // behind the newest event, within the bound
    // One subtask and per-event watermarks make "late" deterministic for this event order.
    StreamExecutionEnvironment env = environment(1);

    FeaturePipeline.of(group)
        .withPerEventWatermarks()
        // the input covers all three windows (the inferred rule would call each key's first one
        // truncated and keep it offline)
        .withInputCoverage(Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 30_000))
        .from(env.fromData(events, TypeInformation.of(Click.class)))
        .insertStream(FeatureStores.local(store));
    JobID job = run(env);

    try (LocalFeatureStoreReader reader = LocalFeatureStoreReader.open(store)) {
      Map<String, ClickFeatures> rows = new TreeMap<>();
      for (ClickFeatures row : reader.readOffline("late_10s", 1, new ClickFeaturesCodec())) {
        rows.put(ClickOracle.id(row), row);
      }
      assertEquals(List.of("a@" + (T0 + 10_000), "a@" + (T0 + 30_000), "b@" + (T0 + 10_000)),
          new ArrayList<>(rows.keySet()));
      assertEquals(1.0, rows.get("a@" + (T0 + 10_000)).sum);
      assertEquals(5.0, rows.get("a@" + (T0 + 30_000)).sum);
      assertEquals(5.0, rows.get("b@" + (T0 + 10_000)).sum);
    }
    assertEquals(2, lateEvents(job));
  }

  @Test
  void aSecondProcessReadsTheOnlineStoreWithTheCli() throws Exception {
    WindowSpec tumbling10s = WindowSpec.tumbling(Duration.ofSeconds(10));
    ClickFeatureGroup group =
        new ClickFeatureGroup("cli_{window}", Duration.ofSeconds(1), true, tumbling10s);
    List<Click> events =
        List.of(
            new Click("a", T0 + 1_000, 1.5),
            new Click("b", T0 + 4_000, 2),
            new Click("a", T0 + 12_000, 4),
            new Click("a", T0 + 13_000, 8));
    StreamExecutionEnvironment env = environment(PARALLELISM);
    FeaturePipeline.of(group)
        .from(env.fromData(events, TypeInformation.of(Click.class)))
        .insertStream(FeatureStores.local(store));
    run(env);

    Process cli = cli(store.toString(), "--group", "cli_10s", "--online");
    String output = readAll(cli.getInputStream());
    assertTrue(cli.waitFor(60, TimeUnit.SECONDS), "CLI did not exit");
    assertEquals(0, cli.exitValue(), output);

    List<String> lines = output.lines().filter(l -> l.startsWith("{")).toList();
    assertEquals(2, lines.size(), output);
    assertEquals(
        "{\"user\": \"a\", \"window_end\": \"" + Instant.ofEpochMilli(T0 + 20_000)
            + "\", \"count\": 2, \"sum\": 12.0, \"min\": 4.0, \"max\": 8.0, \"as_of\": \""
            + Instant.ofEpochMilli(T0 + 20_000 - 1) + "\"}",
        lines.get(0));
    assertEquals(
        "{\"user\": \"b\", \"window_end\": \"" + Instant.ofEpochMilli(T0 + 10_000)
            + "\", \"count\": 1, \"sum\": 2.0, \"min\": 2.0, \"max\": 2.0, \"as_of\": \""
            + Instant.ofEpochMilli(T0 + 10_000 - 1) + "\"}",
        lines.get(1));
  }

  @Test
  void aSecondProcessReadsCommittedOnlineRowsWhileTheJobIsStillRunning() throws Exception {
    List<Click> events = randomEvents(5, 2_000);
    ClickFeatureGroup group = new ClickFeatureGroup("clicks_{window}", BOUND, true, TUMBLING_6S);
    StreamExecutionEnvironment env = environment(PARALLELISM);
    PauseAfterCheckpoints.reset(4); // by then several flushes have committed fired windows
    DataStream<Click> clicks =
        env.fromSource(
                new DataGeneratorSource<>(new ReplayClicks(events), events.size(),
                    RateLimiterStrategy.perCheckpoint(200), TypeInformation.of(Click.class)),
                WatermarkStrategy.noWatermarks(), "clicks")
            .map(new PauseAfterCheckpoints(), TypeInformation.of(Click.class));
    FeaturePipeline.of(group).from(clicks).insertStream(FeatureStores.local(store));

    JobClient job = env.executeAsync("features test");
    try {
      assertTrue(PauseAfterCheckpoints.paused.await(2, TimeUnit.MINUTES), "job never paused");
      assertEquals(JobStatus.RUNNING, job.getJobStatus().get());

      Process cli = cli(store.toString(), "--group", "clicks_6s", "--online");
      String output = readAll(cli.getInputStream());
      assertTrue(cli.waitFor(60, TimeUnit.SECONDS), "CLI did not exit");
      assertEquals(0, cli.exitValue(), output);
      assertFalse(output.lines().filter(l -> l.startsWith("{\"user\"")).toList().isEmpty(),
          "committed online rows visible mid-job:\n" + output);
    } finally {
      PauseAfterCheckpoints.resume.countDown();
    }
    job.getJobExecutionResult().get(2, TimeUnit.MINUTES);
  }

  private static Process cli(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "io.featuresdk.runtime.store.local.LocalStoreCli"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static long lateEvents(JobID job) {
    Map<String, Metric> metrics = METRICS.findMetrics(job, "\\.lateEvents$");
    if (metrics.isEmpty()) {
      fail("no lateEvents metric registered for job " + job);
    }
    return metrics.values().stream().mapToLong(m -> ((Counter) m).getCount()).sum();
  }

  private static void assertRowsEqual(
      String what, Map<String, ClickFeatures> expected, List<ClickFeatures> actualRows) {
    Map<String, ClickFeatures> actual = new HashMap<>();
    for (ClickFeatures row : actualRows) {
      ClickFeatures previous = actual.put(ClickOracle.id(row), row);
      if (previous != null) {
        fail(what + ": window " + ClickOracle.id(row) + " emitted twice");
      }
    }
    assertEquals(new TreeMap<>(expected).keySet(), new TreeMap<>(actual).keySet(),
        what + ": (user, window end) pairs");
    for (ClickFeatures want : expected.values()) {
      assertRowEquals(what, want, actual.get(ClickOracle.id(want)));
    }
  }

  private static void assertRowEquals(String what, ClickFeatures want, ClickFeatures got) {
    String id = what + " " + ClickOracle.id(want);
    assertEquals(want.count, got.count, id + " count");
    assertEquals(want.sum, got.sum, Math.abs(want.sum) * 1e-9 + 1e-12, id + " sum");
    assertEquals(want.min, got.min, id + " min");
    assertEquals(want.max, got.max, id + " max");
  }

  private static void assertOnlineEqual(
      String group, Map<String, ClickFeatures> expected, Map<String, GenericRecord> online) {
    assertEquals(expected.keySet(), online.keySet(), group + " online keys");
    for (ClickFeatures want : expected.values()) {
      GenericRecord got = online.get(want.user);
      String id = group + " online " + want.user;
      assertEquals(want.windowEnd * 1000, (long) got.get("window_end"), id + " window_end");
      assertEquals(want.count, (long) got.get("count"), id + " count");
      assertEquals(want.sum, (double) got.get("sum"), Math.abs(want.sum) * 1e-9 + 1e-12, id + " sum");
      assertEquals(want.min, (double) got.get("min"), id + " min");
      assertEquals(want.max, (double) got.get("max"), id + " max");
    }
  }

  /** Throws once, in the first subtask that sees an event after a completed checkpoint. */
  private static final class FailOnceAfterCheckpoint
      implements MapFunction<Click, Click>, CheckpointListener {
    private static final long serialVersionUID = 1L;
    static final AtomicBoolean failed = new AtomicBoolean();
    private transient boolean checkpointed;

    @Override
    public Click map(Click click) {
      if (checkpointed && failed.compareAndSet(false, true)) {
        throw new IllegalStateException("injected failure after a checkpoint");
      }
      return click;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointed = true;
    }
  }

  /**
   * Blocks the first subtask to see its n-th completed checkpoint until the test resumes it, so
   * the test can look at the store of a job that is still running.
   */
  private static final class PauseAfterCheckpoints
      implements MapFunction<Click, Click>, CheckpointListener {
    private static final long serialVersionUID = 1L;
    static volatile int checkpoints;
    static volatile CountDownLatch paused;
    static volatile CountDownLatch resume;
    private static final AtomicBoolean pausing = new AtomicBoolean();
    private transient int completed;

    static void reset(int checkpointsBeforePause) {
      checkpoints = checkpointsBeforePause;
      paused = new CountDownLatch(1);
      resume = new CountDownLatch(1);
      pausing.set(false);
    }

    @Override
    public Click map(Click click) {
      return click;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws InterruptedException {
      if (++completed == checkpoints && pausing.compareAndSet(false, true)) {
        paused.countDown();
        resume.await();
      }
    }
  }

  /** Replays a fixed event list by index; primitive arrays keep it serializable. */
  private static final class ReplayClicks implements GeneratorFunction<Long, Click> {
    private static final long serialVersionUID = 1L;
    private final String[] users;
    private final long[] times;
    private final double[] amounts;

    ReplayClicks(List<Click> events) {
      users = events.stream().map(e -> e.user).toArray(String[]::new);
      times = events.stream().mapToLong(e -> e.timeMillis).toArray();
      amounts = events.stream().mapToDouble(e -> e.amount).toArray();
    }

    @Override
    public Click map(Long index) {
      int i = index.intValue();
      return new Click(users[i], times[i], amounts[i]);
    }
  }
}
