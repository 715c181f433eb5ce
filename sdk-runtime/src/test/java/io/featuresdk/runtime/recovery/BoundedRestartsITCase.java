package io.featuresdk.runtime.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The restart strategy on a real scheduler: transient failures are retried a bounded number of times, fatal ones never. */
class BoundedRestartsITCase {
  private static final BoundedRestarts FAST =
      BoundedRestarts.defaults().withAttempts(3).withBackoff(Duration.ofMillis(10), Duration.ofMillis(40));

  /** Attempts of the failing operator in the current test (the MiniCluster runs in this JVM). */
  private static final AtomicInteger ATTEMPTS = new AtomicInteger();

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(1)
              .build());

  private static void runJob(int failingAttempts, boolean fatal) throws Exception {
    ATTEMPTS.set(0);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.enableCheckpointing(60_000); // checkpointing on: without a strategy Flink would retry forever
    FAST.applyTo(env);
    env.fromSequence(1, 10).map(new FailingAttempts(failingAttempts, fatal)).sinkTo(new DiscardingSink<>());
    env.execute("bounded restarts");
  }

  @Test
  void aTransientFailureIsRestartedAndTheJobFinishes() throws Exception {
    runJob(2, false);

    assertEquals(3, ATTEMPTS.get(), "two failed attempts, then one that finished");
  }

  @Test
  void aFailureThatPersistsEndsTheJobAfterTheAttemptsWithItsCause() {
    Exception failure = assertThrows(Exception.class, () -> runJob(Integer.MAX_VALUE, false));

    assertEquals(1 + FAST.attempts(), ATTEMPTS.get(), "the first attempt and every allowed restart");
    assertFalse(FailureClassifier.isFatal(failure));
    assertEquals("broker unreachable (attempt " + FAST.attempts() + ")", FailureClassifier.oneLine(failure));
  }

  @Test
  void aFatalFailureIsNeverRestarted() {
    Exception failure = assertThrows(Exception.class, () -> runJob(Integer.MAX_VALUE, true));

    assertEquals(1, ATTEMPTS.get());
    assertTrue(FailureClassifier.isFatal(failure));
    assertEquals("bad setting (attempt 0)", FailureClassifier.oneLine(failure));
  }

  @Test
  void theStrategyIsFlinksExponentialDelayWithTheAttemptsCapped() {
    assertEquals("exponential-delay", FAST.toConfiguration().toMap().get("restart-strategy.type"));
    assertEquals("3", FAST.toConfiguration().toMap().get("restart-strategy.exponential-delay.attempts-before-reset-backoff"));
  }

  /** Fails its first {@code failing} attempts, on the first element. */
  private static final class FailingAttempts extends RichMapFunction<Long, Long> {
    private final int failing;
    private final boolean fatal;

    FailingAttempts(int failing, boolean fatal) {
      this.failing = failing;
      this.fatal = fatal;
    }

    @Override
    public Long map(Long value) throws IOException {
      int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
      if (value == 1) {
        ATTEMPTS.incrementAndGet();
      }
      if (value == 1 && attempt < failing) {
        if (fatal) {
          throw new FatalPipelineException("bad setting (attempt " + attempt + ")");
        }
        throw new IOException("broker unreachable (attempt " + attempt + ")");
      }
      return value;
    }
  }
}
