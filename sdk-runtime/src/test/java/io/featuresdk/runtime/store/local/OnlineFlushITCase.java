package io.featuresdk.runtime.store.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.FeaturePipeline;
import io.featuresdk.runtime.FeatureStreams;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.FeatureRecord;
import io.featuresdk.runtime.store.FeatureStores;
import io.featuresdk.runtime.testing.Click;
import io.featuresdk.runtime.testing.ClickFeatureGroup;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.window.RowKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Online rows of a running job appear without waiting for a checkpoint, and provisional records
 * carry the wall-clock time their events arrived.
 */
class OnlineFlushITCase {
  private static final long T0 = 1_700_000_000_000L;
  private static final int USERS = 3;
  private static final long EVENT_SPACING_MILLIS = 100;
  private static final WindowSpec TUMBLING_2S = WindowSpec.tumbling(Duration.ofSeconds(2));

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(1)
              .build());

  @TempDir Path store;

  @Test
  void aJobWhoseFirstCheckpointIsAnHourAwayShowsCorrectOnlineRowsWhileRunning() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.enableCheckpointing(Duration.ofHours(1).toMillis()); // the store requires checkpointing
    ClickFeatureGroup group =
        new ClickFeatureGroup("flush_{window}", Duration.ofMillis(500), true, TUMBLING_2S);
    FeaturePipeline.of(group)
        .fromSource(env, new DataGeneratorSource<>(new Clicks(), Long.MAX_VALUE,
            RateLimiterStrategy.perSecond(500), TypeInformation.of(Click.class)), "clicks")
        .insertStream(FeatureStores.local(store).withOnlineFlushInterval(Duration.ofMillis(50)));

    JobClient job = env.executeAsync("online flush test");
    try {
      List<OnlineRow> rows = awaitOneRowPerUser(job);
      assertEquals(JobStatus.RUNNING, job.getJobStatus().get(), "rows came before any end of input");
      for (OnlineRow online : rows) {
        // final rows cover their window, provisional ones the events up to their as-of time
        GenericRecord row = online.features();
        assertEquals(
            bruteForce(row.get("user").toString(), (Long) row.get("window_end") / 1000,
                online.asOfMicros() / 1000),
            List.of(row.get("count"), row.get("sum")), "row " + row + " as of " + online.asOfMicros());
      }
    } finally {
      job.cancel().get(1, TimeUnit.MINUTES);
    }
  }

  @Test
  void provisionalRecordsReachTheStoresWithTheirArrivalTime() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    ClickFeatureGroup group =
        new ClickFeatureGroup("arrival_{window}", Duration.ofMillis(500), true, TUMBLING_2S);
    FeatureStreams<ClickFeatures> streams =
        FeaturePipeline.of(group)
            .fromSource(env, new DataGeneratorSource<>(new Clicks(), Long.MAX_VALUE,
                RateLimiterStrategy.perSecond(500), TypeInformation.of(Click.class)), "clicks");
    long started = System.currentTimeMillis();
    try (CloseableIterator<FeatureRecord> records = streams.records(TUMBLING_2S).collectAsync();
        CloseableIterator<ClickFeatures> typed =
            streams.rows(TUMBLING_2S, RowKind.PROVISIONAL).collectAsync()) {
      JobClient job = env.executeAsync("arrival times");
      try {
        int provisional = 0;
        while (provisional < 3) {
          FeatureRecord record = records.next();
          if (record.provisional()) {
            provisional++;
            // event times are from 2023: only a wall-clock arrival time lies within this run
            long arrival = record.arrivalMillis();
            assertTrue(
                arrival >= started && arrival <= System.currentTimeMillis(),
                "arrival " + arrival + " outside this run, started at " + started + ": " + record);
          }
        }
        // the typed provisional rows, without their arrival times, for users' own sinks
        ClickFeatures row = typed.next();
        long windowEvents = (Long) bruteForce(row.user, row.windowEnd, row.windowEnd - 1).get(0);
        assertTrue(row.count >= 1 && row.count <= windowEvents,
            "a provisional row counts some of its window's " + windowEvents + " events: " + row);
      } finally {
        job.cancel().get(1, TimeUnit.MINUTES);
      }
    }
  }

  /** Polls the store the job writes, as any outside reader would, until the deadline. */
  private List<OnlineRow> awaitOneRowPerUser(JobClient job) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    // insertStream registered the group before the job started, so the store exists
    try (OnlineStoreReader reader = OnlineStoreReader.open(store)) {
      // each status request is a round trip to the cluster, which paces the loop
      while (System.nanoTime() < deadline && !job.getJobStatus().get().isGloballyTerminalState()) {
        List<OnlineRow> rows = reader.readOnlineRowsWithCoverage("flush_2s", 1);
        if (rows.size() == USERS) {
          return rows;
        }
      }
    }
    throw new AssertionError("no online row per user within a minute; job " + job.getJobStatus().get());
  }

  /**
   * count and sum of one user's events in [end - 2 s, end) up to {@code asOfMillis}, straight from
   * the generator (in order, so every event up to a row's as-of time has arrived).
   */
  private static List<Object> bruteForce(String user, long endMillis, long asOfMillis) {
    long count = 0;
    double sum = 0;
    for (long i = 0; T0 + i * EVENT_SPACING_MILLIS < Math.min(endMillis, asOfMillis + 1); i++) {
      Click event = Clicks.event(i);
      if (event.user.equals(user) && event.timeMillis >= endMillis - TUMBLING_2S.sizeMillis()) {
        count++;
        sum += event.amount;
      }
    }
    return List.of(count, sum);
  }

  /** Event i: user i mod 3, 100 ms after event i - 1, amount i mod 7. Endless, in order. */
  private static final class Clicks implements GeneratorFunction<Long, Click> {
    private static final long serialVersionUID = 1L;

    static Click event(long i) {
      return new Click("user" + i % USERS, T0 + i * EVENT_SPACING_MILLIS, i % 7);
    }

    @Override
    public Click map(Long i) {
      return event(i);
    }
  }
}
