package io.featuresdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code from(DataStream)} at a job parallelism above the input's, which events are late (and
 * so the rows) depends only on the input's order: two runs produce exactly the rows and the late
 * count a brute-force pass over the input in order computes.
 */
class LateEventsAtParallelismITCase {
  private static final int PARALLELISM = 4;
  private static final long T0 = 1_700_000_000_000L;
  private static final Duration BOUND = Duration.ofMillis(500);
  private static final WindowSpec SLIDING_2S = WindowSpec.sliding(Duration.ofSeconds(2), Duration.ofSeconds(1));

  private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(PARALLELISM)
              .setConfiguration(METRICS.addToConfiguration(new Configuration()))
              .build());

  @Test
  void twoRunsAtParallelismFourDropExactlyTheEventsBehindTheInputOrdersWatermark() throws Exception {
    List<Click> events = eventsWithStragglers(11, 2_000);
    Expected expected = expectedForInputOrder(events);
    assertTrue(expected.late > 50 && expected.late < events.size() / 5,
        "the input has late events among many on-time ones: " + expected.late + " late");

    for (int run = 1; run <= 2; run++) {
      Result result = runPipeline(events);
      assertEquals(expected.late, result.lateEvents, "run " + run + ": late events");
      Map<String, String> got = new TreeMap<>();
      result.rows.forEach((id, row) -> got.put(id, row.count + " events, sum " + row.sum));
      assertEquals(expected.rows, got, "run " + run + ": rows");
    }
  }

  /**
   * Brute force over the input in its order, with the documented semantics: the watermark when an
   * event arrives is {@code newest earlier event time - bound - 1}; a window has fired when {@code
   * end - 1 <= watermark}; an event counts in every window containing it that has not fired, and is
   * late (dropped and counted) when all of them have.
   */
  private static Expected expectedForInputOrder(List<Click> events) {
    long size = SLIDING_2S.sizeMillis();
    long slide = SLIDING_2S.slideMillis();
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, double[]> sums = new TreeMap<>();
    long late = 0;
    long newest = Long.MIN_VALUE;
    for (Click event : events) {
      long watermark = newest == Long.MIN_VALUE ? Long.MIN_VALUE : newest - BOUND.toMillis() - 1;
      boolean counted = false;
      for (long end = Math.floorDiv(event.timeMillis, slide) * slide + slide;
          end <= event.timeMillis + size; end += slide) {
        if (end - 1 > watermark) {
          String id = event.user + "@" + end;
          counts.computeIfAbsent(id, k -> new long[1])[0]++;
          sums.computeIfAbsent(id, k -> new double[1])[0] += event.amount;
          counted = true;
        }
      }
      if (!counted) {
        late++;
      }
      newest = Math.max(newest, event.timeMillis);
    }
    Map<String, String> rows = new TreeMap<>();
    counts.forEach((id, count) -> rows.put(id, count[0] + " events, sum " + sums.get(id)[0]));
    return new Expected(rows, late);
  }

  /** 8 users, 50 ms apart; every 5th event a straggler up to 4 s behind the newest. */
  private static List<Click> eventsWithStragglers(long seed, int count) {
    Random random = new Random(seed);
    List<Click> events = new ArrayList<>();
    long now = T0;
    for (int i = 0; i < count; i++) {
      now += 50;
      long time = i % 5 == 4 ? now - random.nextInt(4_000) : now;
      events.add(new Click("u" + random.nextInt(8), time, random.nextInt(100)));
    }
    return events;
  }

  private static Result runPipeline(List<Click> events) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(PARALLELISM);
    ClickFeatureGroup group = new ClickFeatureGroup("late_{window}", BOUND, false, SLIDING_2S);
    FeatureStreams<ClickFeatures> features =
        FeaturePipeline.of(group)
            .withPerEventWatermarks()
            .from(env.fromData(events, TypeInformation.of(Click.class))); // one subtask
    Map<String, ClickFeatures> rows = new TreeMap<>();
    JobID job;
    try (CloseableIterator<ClickFeatures> out = RowStreams.allKinds(features, SLIDING_2S).collectAsync()) {
      JobClient client = env.executeAsync("late events at parallelism " + PARALLELISM);
      out.forEachRemaining(row -> {
        if (rows.put(ClickOracle.id(row), row) != null) {
          fail("window " + ClickOracle.id(row) + " emitted twice");
        }
      });
      client.getJobExecutionResult().get(2, TimeUnit.MINUTES);
      job = client.getJobID();
    }
    return new Result(rows, lateEvents(job));
  }

  private static long lateEvents(JobID job) {
    Map<String, Metric> metrics = METRICS.findMetrics(job, "\\.lateEvents$");
    if (metrics.isEmpty()) {
      fail("no lateEvents metric registered for job " + job);
    }
    return metrics.values().stream().mapToLong(m -> ((Counter) m).getCount()).sum();
  }

  private record Result(Map<String, ClickFeatures> rows, long lateEvents) {}

  private record Expected(Map<String, String> rows, long late) {}
}
