package io.featuresdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.FeatureStores;
import io.featuresdk.runtime.store.local.LocalFeatureStoreReader;
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
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Allowed lateness end to end into the local store: stragglers within the lateness correct windows
 * that had already fired and been written, and the offline store ends with exactly the corrected
 * rows of the brute-force oracle (one per key and window end, the last write), the online store
 * with each key's newest window, corrected.
 */
class AllowedLatenessITCase {
  private static final long T0 = 1_700_000_000_000L;
  private static final Duration BOUND = Duration.ofSeconds(1);
  private static final Duration LATENESS = Duration.ofSeconds(3);
  private static final WindowSpec SLIDING = WindowSpec.sliding(Duration.ofSeconds(6), Duration.ofSeconds(2));

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path store;

  /** Three users, one event every 50 ms, every tenth up to 6 s behind the newest. */
  private static List<Click> events() {
    Random random = new Random(4711);
    List<Click> events = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      long time = T0 + i * 50L;
      time -= i % 10 == 9 ? random.nextInt(6_000) : random.nextInt((int) BOUND.toMillis());
      events.add(new Click("user" + random.nextInt(3), time, random.nextInt(10_000) / 100.0));
    }
    return events;
  }

  /** The watermark each event meets: per-event watermarks from one input subtask. */
  private static long[] watermarksAtArrival(List<Click> events) {
    long[] at = new long[events.size()];
    long newest = Long.MIN_VALUE;
    long watermark = Long.MIN_VALUE;
    for (int i = 0; i < at.length; i++) {
      at[i] = watermark;
      newest = Math.max(newest, events.get(i).timeMillis);
      watermark = Math.max(watermark, newest - BOUND.toMillis() - 1);
    }
    return at;
  }

  @Test
  void offlineEndsWithTheCorrectedRowsAndOnlineWithEachKeysNewestWindow() throws Exception {
    List<Click> events = events();
    long from = T0;
    long until = events.stream().mapToLong(e -> e.timeMillis).max().orElseThrow() + 1;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(200);
    FeaturePipeline.of(new ClickFeatureGroup("late_{window}", BOUND, true, SLIDING))
        .withPerEventWatermarks()
        .withAllowedLateness(LATENESS)
        .withEmptyWindowRows(false)
        .withInputCoverage(Instant.ofEpochMilli(from), Instant.ofEpochMilli(until))
        .from(env.fromData(events, TypeInformation.of(Click.class)))
        .insertStream(FeatureStores.local(store));
    env.executeAsync("allowed lateness").getJobExecutionResult().get(2, TimeUnit.MINUTES);

    long[] watermarks = watermarksAtArrival(events);
    long lateness = LATENESS.toMillis();
    Map<String, ClickFeatures> oracle = ClickOracle.rowsInArrivalOrder(events, watermarks, SLIDING, lateness);
    int corrections =
        ClickOracle.emissionsInArrivalOrder(events, watermarks, SLIDING, lateness).values().stream()
            .mapToInt(n -> n - 1).sum();
    assertTrue(corrections > 20, "stragglers corrected fired windows: " + corrections);
    try (LocalFeatureStoreReader reader = LocalFeatureStoreReader.open(store)) {
      Map<String, ClickFeatures> offline = new TreeMap<>();
      for (ClickFeatures row : reader.readOffline("late_6s", 1, new ClickFeaturesCodec())) {
        assertEquals(null, offline.put(ClickOracle.id(row), row), "one row per key and window end");
      }
      Map<String, ClickFeatures> want = ClickOracle.inside(oracle, SLIDING, from, until);
      assertEquals(want.keySet(), offline.keySet(), "offline windows");
      want.forEach((id, row) -> assertSameRow(id + " offline", row, offline.get(id)));

      Map<String, GenericRecord> online = reader.readOnline("late_6s", 1);
      ClickOracle.latestPerUser(oracle).forEach((user, row) -> {
        GenericRecord got = online.get(user);
        assertEquals(row.windowEnd * 1000, (long) got.get("window_end"), user + " online window");
        assertEquals(row.count, (long) got.get("count"), user + " online count");
      });
    }
  }

  private static void assertSameRow(String id, ClickFeatures want, ClickFeatures got) {
    assertEquals(want.count, got.count, id + " count");
    assertEquals(want.sum, got.sum, Math.abs(want.sum) * 1e-9 + 1e-9, id + " sum");
    assertEquals(want.min, got.min, id + " min");
    assertEquals(want.max, got.max, id + " max");
  }
}
