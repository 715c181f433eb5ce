package io.featuresdk.runtime.store.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.FeaturePipeline;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.FeatureStores;
import io.featuresdk.runtime.testing.Click;
import io.featuresdk.runtime.testing.ClickFeatureGroup;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickFeaturesCodec;
import io.featuresdk.runtime.testing.ClickOracle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs over overlapping time ranges into one store, as an operator reruns or backfills: the
 * offline store then holds one row per (key, window end), the later run's, as Hopsworks' offline
 * store would after two upserts.
 */
class OverlappingRunsITCase {
  private static final long T0 = 1_700_000_000_000L;
  private static final Duration BOUND = Duration.ofSeconds(1);
  private static final WindowSpec TUMBLING_6S = WindowSpec.tumbling(Duration.ofSeconds(6));

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path store;

  /** In order, ~3 events a second for 4 users from {@code from} to {@code to}; amounts by seed. */
  private static List<Click> events(long seed, long from, long to) {
    Random random = new Random(seed);
    List<Click> events = new ArrayList<>();
    for (long time = from; time < to; time += 300 + random.nextInt(100)) {
      events.add(new Click("user" + random.nextInt(4), time, random.nextInt(10_000) / 100.0));
    }
    return events;
  }

  /** Runs the pipeline over {@code events}, told they cover {@code [from, to)}. */
  private void run(List<Click> events, long from, long to) throws Exception {
    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(2);
    env.enableCheckpointing(100);
    FeaturePipeline.of(new ClickFeatureGroup("clicks_{window}", BOUND, false, TUMBLING_6S))
        .withInputCoverage(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))
        .from(env.fromData(events, TypeInformation.of(Click.class)))
        .insertStream(FeatureStores.local(store));
    env.executeAsync("overlapping run").getJobExecutionResult().get(2, TimeUnit.MINUTES);
  }

  @Test
  void aLaterOverlappingRunReplacesTheRowsOfTheCompleteWindowsItWritesAgainButNotWithTruncatedOnes()
      throws Exception {
    List<Click> first = events(1, T0, T0 + 60_000);
    List<Click> second = events(2, T0 + 30_000, T0 + 90_000);
    run(first, T0, T0 + 60_000);
    run(second, T0 + 30_000, T0 + 90_000);

    // T0 is 2 s into a 6 s window: the second run's first window, [T0 + 28 s, T0 + 34 s), is
    // truncated there and complete in the first run, whose row must survive
    Map<String, ClickFeatures> fromFirst =
        ClickOracle.inside(ClickOracle.rows(first, TUMBLING_6S), TUMBLING_6S, T0, T0 + 60_000);
    Map<String, ClickFeatures> fromSecond =
        ClickOracle.inside(
            ClickOracle.rows(second, TUMBLING_6S), TUMBLING_6S, T0 + 30_000, T0 + 90_000);
    Map<String, ClickFeatures> expected = new TreeMap<>(fromFirst);
    expected.putAll(fromSecond);
    assertTrue(fromSecond.keySet().stream().anyMatch(fromFirst::containsKey),
        "the runs must share complete windows for this test to mean anything");
    assertTrue(
        ClickOracle.rows(second, TUMBLING_6S).keySet().stream()
            .anyMatch(id -> fromFirst.containsKey(id) && !fromSecond.containsKey(id)),
        "a window complete in the first run is truncated in the second");

    List<ClickFeatures> offline;
    try (LocalFeatureStoreReader reader = LocalFeatureStoreReader.open(store)) {
      offline = reader.readOffline("clicks_6s", 1, new ClickFeaturesCodec());
    }
    Map<String, String> actual = new TreeMap<>();
    for (ClickFeatures row : offline) {
      assertEquals(null, actual.put(ClickOracle.id(row), describe(row)), "twice: " + ClickOracle.id(row));
    }
    Map<String, String> want = new TreeMap<>();
    expected.forEach((id, row) -> want.put(id, describe(row)));
    assertEquals(want, actual);
  }

  /** Sums are compared rounded: the window engine may add in another order than the oracle. */
  private static String describe(ClickFeatures row) {
    return String.format("count=%d sum=%.6f min=%s max=%s", row.count, row.sum, row.min, row.max);
  }
}
