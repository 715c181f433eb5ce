package io.featuresdk.runtime.source.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.source.websocket.FatalMessageException;
import io.featuresdk.runtime.source.websocket.MalformedMessageException;
import io.featuresdk.runtime.source.websocket.WebSocketMessageParser;
import io.featuresdk.runtime.source.websocket.MessageAgeTest.ManualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link ReplaySource} over recordings in MiniCluster jobs. */
class ReplaySourceITCase {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  /** "bad:*" is malformed, "fatal:*" stops, "<connected>" is emitted on every connection marker. */
  static final class EchoParser implements WebSocketMessageParser<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void parse(String message, org.apache.flink.util.Collector<String> out)
        throws MalformedMessageException, FatalMessageException {
      if (message.startsWith("bad:")) {
        throw new MalformedMessageException("bad", "bad");
      }
      if (message.startsWith("fatal:")) {
        throw new FatalMessageException(message.substring(6));
      }
      out.collect(message);
    }
  }

  @TempDir Path dir;

  private static final java.util.concurrent.CountDownLatch CHECKPOINTED = new java.util.concurrent.CountDownLatch(1);
  private static final java.util.concurrent.atomic.AtomicBoolean FAILED = new java.util.concurrent.atomic.AtomicBoolean();
  private static final int HOLD_AT = 1_500;

  /**
   * Echoes, but reading "m1500" waits until a checkpoint has completed. It runs in the file source's fetcher
   * thread, so the task thread stays free to take that checkpoint: a checkpoint mid-file, without timing.
   */
  static final class HoldingParser implements WebSocketMessageParser<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void parse(String message, org.apache.flink.util.Collector<String> out) {
      if (message.equals("m" + HOLD_AT)) {
        try {
          if (!CHECKPOINTED.await(120, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("no checkpoint completed within 120 s");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      out.collect(message);
    }
  }

  /** Fails the job once, on the first record after a checkpoint has completed. */
  static final class FailAfterCheckpoint implements org.apache.flink.api.common.functions.MapFunction<String, String>,
      org.apache.flink.api.common.state.CheckpointListener {
    private static final long serialVersionUID = 1L;

    @Override
    public String map(String value) {
      if (CHECKPOINTED.getCount() == 0 && FAILED.compareAndSet(false, true)) {
        throw new IllegalStateException("injected failure after a checkpoint");
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      CHECKPOINTED.countDown();
    }
  }

  @Test
  void aJobRestoredFromACheckpointMidFileNeitherLosesNorRepeatsRecords() throws Exception {
    List<String> expected = new ArrayList<>();
    ManualClock clock = new ManualClock(Instant.parse("2026-11-23T00:00:00Z"));
    try (RecordingWriter writer = new RecordingWriter(RecordingOptions.in(dir).rotateAtBytes(20_000).gzip(true),
        "subtask0", clock)) {
      for (int i = 0; i < 3_000; i++) {
        writer.write(RecordedLine.message(i, "m" + i));
        expected.add("m" + i);
      }
    }
    org.apache.flink.configuration.Configuration conf = new org.apache.flink.configuration.Configuration();
    conf.set(org.apache.flink.configuration.RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(org.apache.flink.configuration.RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
    conf.set(org.apache.flink.configuration.RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY,
        Duration.ZERO);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.configure(conf);
    env.setParallelism(1);
    env.enableCheckpointing(50);
    List<String> replayed = env.fromSource(ReplaySource.of(dir, new HoldingParser(), String.class),
            WatermarkStrategy.noWatermarks(), "replay")
        .map(new FailAfterCheckpoint())
        .executeAndCollect(100_000);
    assertTrue(FAILED.get(), "the failure was injected");
    assertEquals(expected, replayed);
  }

  @Test
  void replaysEveryRecordedMessageOfAllFilesInTimeOrderPlainAndGzip() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-11-23T00:00:00Z"));
    List<String> expected = new ArrayList<>();
    // three rotated gzip files, then one plain file, written as a live source would
    try (RecordingWriter gz = new RecordingWriter(RecordingOptions.in(dir).rotateEvery(Duration.ofHours(1)).gzip(true),
        "subtask0", clock)) {
      for (int i = 0; i < 300; i++) {
        String m = "m" + i;
        gz.write(RecordedLine.message(i, m));
        expected.add(m);
        if (i % 10 == 0) {
          gz.write(RecordedLine.message(i, "bad:" + i));
        }
        if (i % 100 == 99) {
          clock.advance(Duration.ofHours(1));
        }
      }
    }
    try (RecordingWriter plain = new RecordingWriter(RecordingOptions.in(dir), "subtask0", clock)) {
      for (int i = 300; i < 400; i++) {
        plain.write(RecordedLine.message(i, "m" + i));
        expected.add("m" + i);
      }
    }
    // an in-progress file from a crashed run is hidden and not replayed; a cut-off line is skipped
    Files.writeString(dir.resolve(".messages-x.jsonl.inprogress"), RecordedLine.message(0, "hidden").encode() + "\n");
    Path cut = dir.resolve("messages-99999999T999999.999Z-subtask0-000001.jsonl");
    Files.writeString(cut, RecordedLine.message(1, "last").encode() + "\n{\"received_us\":2,\"mess",
        StandardCharsets.UTF_8);
    expected.add("last");

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    List<String> replayed = env.fromSource(ReplaySource.of(dir, new EchoParser(), String.class),
        WatermarkStrategy.noWatermarks(), "replay").executeAndCollect(100_000);
    assertEquals(expected, replayed);
  }

  @Test
  void aRecordedFatalMessageFailsTheReplayWithItsReason() throws IOException {
    try (RecordingWriter writer = new RecordingWriter(RecordingOptions.in(dir), "subtask0",
        new ManualClock(Instant.EPOCH))) {
      writer.write(RecordedLine.message(1, "ok"));
      writer.write(RecordedLine.message(2, "fatal:subscription rejected"));
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    Exception failure = assertThrows(Exception.class, () -> env.fromSource(
        ReplaySource.of(dir, new EchoParser(), String.class), WatermarkStrategy.noWatermarks(), "replay")
        .executeAndCollect(10));
    assertTrue(ExceptionUtils.findThrowableWithMessage(failure, "subscription rejected").isPresent(),
        () -> ExceptionUtils.stringifyException(failure));
  }
}
