package io.featuresdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.testing.Click;
import io.featuresdk.runtime.testing.ClickFeatureGroup;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickOracle;
import io.featuresdk.runtime.testing.RowStreams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Both window modes on a MiniCluster at parallelism 2, with the heap and the RocksDB state
 * backend and checkpoints running, against the brute-force oracle.
 */
class WindowModesITCase {
  private static final int PARALLELISM = 2;
  private static final long T0 = 1_700_000_000_000L;
  private static final Duration BOUND = Duration.ofSeconds(2);
  private static final WindowSpec SLIDING_10S =
      WindowSpec.sliding(Duration.ofSeconds(10), Duration.ofSeconds(2));
  private static final WindowSpec SLIDING_9S =
      WindowSpec.sliding(Duration.ofSeconds(9), Duration.ofSeconds(3));
  private static final WindowSpec TUMBLING_6S = WindowSpec.tumbling(Duration.ofSeconds(6));

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(PARALLELISM)
              .build());

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({"SLICED, hashmap", "SLICED, rocksdb", "NATIVE, hashmap", "NATIVE, rocksdb"})
  void rowsOfEveryWindowMatchTheOracle(WindowMode mode, String backend) throws Exception {
    Random random = new Random(mode.ordinal() * 31L + backend.length());
    List<Click> events = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      long time = T0 + i * 37L - random.nextInt((int) BOUND.toMillis());
      events.add(new Click("user" + random.nextInt(7), time, random.nextInt(10_000) / 100.0));
    }
    ClickFeatureGroup group =
        new ClickFeatureGroup("clicks_{window}", BOUND, true, SLIDING_10S, SLIDING_9S, TUMBLING_6S);
    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    config.set(StateBackendOptions.STATE_BACKEND, backend);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(PARALLELISM);
    env.enableCheckpointing(100);

    FeatureStreams<ClickFeatures> streams =
        FeaturePipeline.of(group)
            .withWindowMode(mode)
            .from(env.fromData(events, TypeInformation.of(Click.class)));
    List<CloseableIterator<ClickFeatures>> iterators = new ArrayList<>();
    for (WindowSpec window : streams.windows()) {
      iterators.add(RowStreams.allKinds(streams, window).collectAsync());
    }
    env.execute("window modes " + mode + " " + backend);

    for (int w = 0; w < streams.windows().size(); w++) {
      WindowSpec window = streams.windows().get(w);
      Map<String, ClickFeatures> actual = new TreeMap<>();
      try (CloseableIterator<ClickFeatures> rows = iterators.get(w)) {
        rows.forEachRemaining(row -> {
          ClickFeatures previous = actual.put(ClickOracle.id(row), row);
          assertEquals(null, previous, () -> "emitted twice: " + ClickOracle.id(row));
        });
      }
      Map<String, ClickFeatures> expected = ClickOracle.rows(events, window);
      assertEquals(expected.keySet(), actual.keySet(), window + ": (user, window end) pairs");
      for (Map.Entry<String, ClickFeatures> entry : expected.entrySet()) {
        ClickFeatures want = entry.getValue();
        ClickFeatures got = actual.get(entry.getKey());
        String id = window + " " + entry.getKey();
        assertEquals(want.count, got.count, id);
        assertEquals(want.min, got.min, 0.0, id);
        assertEquals(want.max, got.max, 0.0, id);
        assertTrue(Math.abs(want.sum - got.sum) <= 1e-9 * Math.max(1, Math.abs(want.sum)), id);
      }
    }
  }
}
