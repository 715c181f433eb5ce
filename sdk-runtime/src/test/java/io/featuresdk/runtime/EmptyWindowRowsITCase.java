package io.featuresdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.FeatureStores;
import io.featuresdk.runtime.store.local.LocalFeatureStoreReader;
import io.featuresdk.runtime.testing.Click;
import io.featuresdk.runtime.testing.ClickFeatureGroup;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickFeaturesCodec;
import io.featuresdk.runtime.testing.ClickOracle;
import io.featuresdk.runtime.window.RowKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Empty-window rows end to end into the local store, against the brute-force oracle: an online
 * group emits them by default, so a key that went quiet is served its empty row online (count 0,
 * every other feature null), while the offline store keeps exactly the complete windows with
 * events; {@code withEmptyWindowRows(false)} keeps serving the key's last row, and an
 * offline-only group emits none.
 */
class EmptyWindowRowsITCase {
  private static final long T0 = 1_700_000_000_000L;
  private static final Duration BOUND = Duration.ofSeconds(1);
  private static final WindowSpec SLIDING = WindowSpec.sliding(Duration.ofSeconds(6), Duration.ofSeconds(2));

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path store;

  /** Four users active in phases of 40 events (~8 s), each event up to BOUND - 1 ms behind. */
  private static List<Click> events() {
    Random random = new Random(2024);
    List<Click> events = new ArrayList<>();
    List<String> active = List.of();
    for (int i = 0; i < 600; i++) {
      if (i % 40 == 0) {
        List<String> drawn = new ArrayList<>();
        for (int u = 0; u < 4; u++) {
          if (random.nextBoolean()) {
            drawn.add("user" + u);
          }
        }
        active = drawn.isEmpty() ? List.of("user0") : drawn;
      }
      long time = T0 + i * 200L - random.nextInt((int) BOUND.toMillis());
      events.add(new Click(active.get(random.nextInt(active.size())), time, random.nextInt(10_000) / 100.0));
    }
    return events;
  }

  @Test
  void onlineShowsTheEmptyRowOfAQuietKeyAndOfflineOnlyTheCompleteWindowsWithEvents() throws Exception {
    List<Click> events = events();
    long from = events.stream().mapToLong(e -> e.timeMillis).min().orElseThrow();
    long until = events.stream().mapToLong(e -> e.timeMillis).max().orElseThrow() + 1;
    long lastWatermark = until - 1 - BOUND.toMillis() - 1;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(200);
    DataStream<Click> clicks = env.fromData(events, TypeInformation.of(Click.class));

    FeatureStreams<ClickFeatures> live =
        FeaturePipeline.of(new ClickFeatureGroup("live_{window}", BOUND, true, SLIDING))
            .withPerEventWatermarks()
            .withInputCoverage(Instant.ofEpochMilli(from), Instant.ofEpochMilli(until))
            .from(clicks);
    live.insertStream(FeatureStores.local(store));
    FeaturePipeline.of(new ClickFeatureGroup("kept_{window}", BOUND, true, SLIDING))
        .withPerEventWatermarks()
        .withEmptyWindowRows(false)
        .from(clicks)
        .insertStream(FeatureStores.local(store));
    FeatureStreams<ClickFeatures> offlineOnly =
        FeaturePipeline.of(new ClickFeatureGroup("offline_{window}", BOUND, false, SLIDING))
            .withPerEventWatermarks()
            .from(clicks);
    List<ClickFeatures> emptyRows = new ArrayList<>();
    List<ClickFeatures> offlineOnlyEmptyRows = new ArrayList<>();
    try (CloseableIterator<ClickFeatures> empty = live.rows(SLIDING, RowKind.EMPTY).collectAsync();
        CloseableIterator<ClickFeatures> none = offlineOnly.rows(SLIDING, RowKind.EMPTY).collectAsync()) {
      env.executeAsync("empty window rows").getJobExecutionResult().get(2, TimeUnit.MINUTES);
      empty.forEachRemaining(emptyRows::add);
      none.forEachRemaining(offlineOnlyEmptyRows::add);
    }

    Map<String, ClickFeatures> oracle = ClickOracle.rows(events, SLIDING);
    Set<String> wantEmpty = ClickOracle.emptyRowIds(oracle, SLIDING, lastWatermark);
    assertFalse(wantEmpty.isEmpty(), "the events make some user go quiet");
    Set<String> gotEmpty = new TreeSet<>();
    emptyRows.forEach(row -> gotEmpty.add(ClickOracle.id(row)));
    assertEquals(wantEmpty, gotEmpty, "typed empty rows");
    assertEquals(wantEmpty.size(), emptyRows.size(), "each empty row once");
    assertEquals(List.of(), offlineOnlyEmptyRows, "offline-only groups emit no empty rows by default");

    try (LocalFeatureStoreReader reader = LocalFeatureStoreReader.open(store)) {
      Map<String, ClickFeatures> offline = new TreeMap<>();
      reader.readOffline("live_6s", 1, new ClickFeaturesCodec()).forEach(r -> offline.put(ClickOracle.id(r), r));
      assertEquals(ClickOracle.inside(oracle, SLIDING, from, until).keySet(), offline.keySet(),
          "offline: the complete windows with events, no empty row");

      Map<String, GenericRecord> online = reader.readOnline("live_6s", 1);
      Map<String, Long> latestEnd = new TreeMap<>();
      oracle.values().forEach(row -> latestEnd.merge(row.user, row.windowEnd, Math::max));
      int quiet = 0;
      for (String id : wantEmpty) {
        String user = id.substring(0, id.indexOf('@'));
        long end = Long.parseLong(id.substring(id.indexOf('@') + 1));
        if (end > latestEnd.get(user)) { // the user's last word: its empty row
          quiet++;
          GenericRecord row = online.get(user);
          assertEquals(end * 1000, (long) row.get("window_end"), user + " window_end");
          assertEquals(0L, (long) row.get("count"), user + " count");
          assertNull(row.get("sum"), user + " sum");
          assertNull(row.get("min"), user + " min");
          assertNull(row.get("max"), user + " max");
          latestEnd.remove(user);
        }
      }
      assertFalse(quiet == 0, "some user stays quiet until the end");
      for (Map.Entry<String, Long> busy : latestEnd.entrySet()) {
        assertEquals(busy.getValue() * 1000, (long) online.get(busy.getKey()).get("window_end"),
            busy.getKey() + ": its latest window with events");
      }

      Map<String, GenericRecord> kept = reader.readOnline("kept_6s", 1);
      ClickOracle.latestPerUser(oracle)
          .forEach((user, row) -> {
            assertEquals(row.windowEnd * 1000, (long) kept.get(user).get("window_end"), user + " kept");
            assertEquals(row.count, (long) kept.get(user).get("count"), user + " kept count");
          });
    }
  }
}
