package io.featuresdk.runtime.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job that failed after a checkpoint is resumed by the next run with the same directory: the
 * source continues right after the position in the checkpoint and operator state is restored.
 */
class DurableCheckpointsITCase {
  /** What the second run saw first: the count restored from state and the first element read. */
  private static final AtomicLong RESTORED_COUNT = new AtomicLong();
  private static final AtomicLong FIRST_ELEMENT = new AtomicLong();

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(1)
              .build());

  @TempDir Path checkpoints;

  /** Reads 1, 2, 3, ... counting in state until a checkpoint completed, then fails fatally. */
  private static void run(DurableCheckpoints durable) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.enableCheckpointing(100);
    durable.applyTo(env);
    env.fromSequence(1, Long.MAX_VALUE).map(new CountUntilCheckpointed()).uid("count").sinkTo(new DiscardingSink<>());
    Exception failure = assertThrows(Exception.class, () -> env.execute("resumable"));
    assertTrue(FailureClassifier.isFatal(failure), () -> FailureClassifier.oneLine(failure));
  }

  @Test
  void theNextRunResumesFromTheRetainedCheckpoint() {
    run(DurableCheckpoints.in(checkpoints));
    DurableCheckpoints again = DurableCheckpoints.in(checkpoints);
    assertTrue(again.resumePoint().isPresent(), "the failed run kept its checkpoint");

    run(again);

    assertTrue(RESTORED_COUNT.get() > 0, "state restored: " + RESTORED_COUNT.get());
    assertEquals(RESTORED_COUNT.get() + 1, FIRST_ELEMENT.get(),
        "the source continues right after what the restored state counted");
  }

  @Test
  void startingFreshReadsFromTheBeginning() {
    run(DurableCheckpoints.in(checkpoints));

    run(DurableCheckpoints.in(checkpoints).startFresh());

    assertEquals(0, RESTORED_COUNT.get());
    assertEquals(1, FIRST_ELEMENT.get());
  }

  private static final class CountUntilCheckpointed extends RichMapFunction<Long, Long>
      implements CheckpointedFunction, CheckpointListener {
    private transient ListState<Long> countState;
    private transient long count;
    private transient boolean first;
    private final AtomicBoolean checkpointed = new AtomicBoolean();

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
      countState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("count", Long.class));
      count = 0;
      for (Long restored : countState.get()) {
        count += restored;
      }
      first = true;
    }

    @Override
    public Long map(Long value) {
      if (first) {
        RESTORED_COUNT.set(count);
        FIRST_ELEMENT.set(value);
        first = false;
      }
      if (checkpointed.get()) {
        throw new FatalPipelineException("stop after a checkpoint");
      }
      count++;
      return value;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
      countState.update(List.of(count));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointed.set(true);
    }
  }
}
