package io.featuresdk.runtime.store.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.FeaturePipeline;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.FeatureRecord;
import io.featuresdk.runtime.store.FeatureStore;
import io.featuresdk.runtime.store.FeatureStores;
import io.featuresdk.runtime.testing.Click;
import io.featuresdk.runtime.testing.ClickFeatureGroup;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickFeaturesCodec;
import io.featuresdk.runtime.testing.ClickOracle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that dies between checkpoints leaves its open offline file hidden: nothing of it is read,
 * the store CLI reports it, a rerun into the same store is correct, and the leftover can go.
 */
class CrashedRunITCase {
  private static final long T0 = 1_700_000_000_000L;
  private static final Duration BOUND = Duration.ofSeconds(2);
  private static final WindowSpec TUMBLING_6S = WindowSpec.tumbling(Duration.ofSeconds(6));
  private static final int EVENTS = 2_000;
  private static final int EVENTS_PER_CHECKPOINT = 250;

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(1)
              .build());

  @TempDir Path store;

  /** A click every 41 ms for 5 users, up to BOUND - 1 ms out of order. */
  private static List<Click> events() {
    Random random = new Random(3);
    List<Click> events = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      long time = T0 + i * 41L - random.nextInt((int) BOUND.toMillis());
      events.add(new Click("user" + random.nextInt(5), time, random.nextInt(10_000) / 100.0));
    }
    return events;
  }

  private static long from(List<Click> events) {
    return events.stream().mapToLong(e -> e.timeMillis).min().orElseThrow();
  }

  private static long until(List<Click> events) {
    return events.stream().mapToLong(e -> e.timeMillis).max().orElseThrow() + 1;
  }

  private void run(List<Click> events, boolean dies) throws Exception {
    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(1);
    env.enableCheckpointing(100);
    DataStream<Click> clicks =
        env.fromSource(
            new DataGeneratorSource<>(new Replay(events), events.size(),
                RateLimiterStrategy.perCheckpoint(EVENTS_PER_CHECKPOINT), TypeInformation.of(Click.class)),
            WatermarkStrategy.noWatermarks(), "clicks");
    FeaturePipeline.of(new ClickFeatureGroup("clicks_{window}", BOUND, false, TUMBLING_6S))
        .withInputCoverage(Instant.ofEpochMilli(from(events)), Instant.ofEpochMilli(until(events)))
        .from(clicks)
        .insertStream(dies ? new DyingStore(store) : FeatureStores.local(store));
    env.executeAsync(dies ? "run that dies" : "rerun").getJobExecutionResult().get(2, TimeUnit.MINUTES);
  }

  private String cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = LocalStoreCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertEquals(0, status, String.join(" ", args));
    return out.toString(StandardCharsets.UTF_8);
  }

  private Map<String, ClickFeatures> offline() {
    Map<String, ClickFeatures> rows = new TreeMap<>();
    try (LocalFeatureStoreReader reader = LocalFeatureStoreReader.open(store)) {
      for (ClickFeatures row : reader.readOffline("clicks_6s", 1, new ClickFeaturesCodec())) {
        assertEquals(null, rows.put(ClickOracle.id(row), row), "twice: " + ClickOracle.id(row));
      }
    }
    return rows;
  }

  @Test
  void aDeadRunsOpenFileStaysHiddenIsReportedAndARerunIsCorrect() throws Exception {
    List<Click> events = events();
    // the offline rows are the complete windows of the range the events cover
    Map<String, ClickFeatures> oracle =
        ClickOracle.inside(ClickOracle.rows(events, TUMBLING_6S), TUMBLING_6S, from(events), until(events));

    ExecutionException died = assertThrows(ExecutionException.class, () -> run(events, true));
    assertTrue(died.getCause().toString().contains("JobExecutionException"), died.toString());

    OfflineMaintenance maintenance = new OfflineMaintenance(store);
    assertFalse(maintenance.hiddenFiles().isEmpty(), "the dead run's open file is left hidden");
    Map<String, ClickFeatures> committed = offline();
    assertTrue(committed.size() < oracle.size(), "the dead run wrote only part of the windows");
    committed.forEach((id, row) -> assertEquals(describe(oracle.get(id)), describe(row), id));
    assertTrue(cli(store.toString()).contains("offline file(s) in progress"));
    assertTrue(cli(store.toString(), "--in-progress").contains(".inprogress"));

    run(events, false);
    assertEquals(describeAll(oracle), describeAll(offline()));

    assertTrue(cli(store.toString(), "--in-progress", "--delete").contains("deleted"));
    assertEquals(List.of(), maintenance.hiddenFiles());
    assertEquals(describeAll(oracle), describeAll(offline()));
  }

  private static Map<String, String> describeAll(Map<String, ClickFeatures> rows) {
    Map<String, String> described = new TreeMap<>();
    rows.forEach((id, row) -> described.put(id, describe(row)));
    return described;
  }

  /** Sums rounded: the window engine may add in another order than the oracle. */
  private static String describe(ClickFeatures row) {
    return row == null ? "no row"
        : String.format("count=%d sum=%.6f min=%s max=%s", row.count, row.sum, row.min, row.max);
  }

  /**
   * The local store behind a map, chained to its offline writer, that fails the job for good (no
   * restart strategy) at the third complete row after the second completed checkpoint: the rows before it
   * are in the writer's open file, which no checkpoint will commit.
   */
  private static final class DyingStore implements FeatureStore {
    private static final long serialVersionUID = 1L;
    private final String root;

    DyingStore(Path root) {
      this.root = root.toString();
    }

    @Override
    public void insertStream(FeatureGroupTarget group, DataStream<FeatureRecord> records) {
      new LocalFeatureStore(Path.of(root))
          .insertStream(group, records.map(new DieAfterCheckpoints(), records.getType()));
    }
  }

  private static final class DieAfterCheckpoints
      implements MapFunction<FeatureRecord, FeatureRecord>, CheckpointListener {
    private static final long serialVersionUID = 1L;
    private int checkpoints;
    private int rowsSince;

    @Override
    public FeatureRecord map(FeatureRecord row) {
      // only complete rows reach the offline writer, so only they can leave rows in its open file
      if (row.complete() && checkpoints >= 2 && ++rowsSince == 3) {
        throw new IllegalStateException("the run dies with rows in its open offline file");
      }
      return row;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpoints++;
    }
  }

  /** Serves the events by index; in arrays because Click is not Serializable. */
  private static final class Replay implements GeneratorFunction<Long, Click> {
    private static final long serialVersionUID = 1L;
    private final String[] users;
    private final long[] times;
    private final double[] amounts;

    Replay(List<Click> events) {
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
