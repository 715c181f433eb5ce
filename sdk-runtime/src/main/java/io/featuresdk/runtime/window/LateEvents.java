package io.featuresdk.runtime.window;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;

/**
 * The count of events dropped as late, both as the operator metric
 * {@value WindowEngine#LATE_EVENTS_METRIC} (live, per operator) and as the job accumulator
 * {@value #ACCUMULATOR} (summed over the whole job, in the {@link JobExecutionResult} of
 * {@code env.execute()}).
 *
 * <pre>{@code
 * JobExecutionResult result = env.execute("features");
 * long late = LateEvents.in(result);
 * }</pre>
 *
 * <p>In {@code SLICED} mode a late event is counted once per feature group; in {@code NATIVE} mode
 * once per window operator that dropped it.
 */
public final class LateEvents {
  /** The name of the job accumulator. */
  public static final String ACCUMULATOR = "lateEvents";

  private LateEvents() {}

  /** The late events a finished job dropped; 0 if it dropped none. */
  public static long in(JobExecutionResult result) {
    Object count = result.getAccumulatorResult(ACCUMULATOR);
    return count instanceof Long late ? late : 0L;
  }

  /** Registers the metric and the accumulator of a window operator; increment the returned counter. */
  static Counter register(RuntimeContext context) {
    // Operators chained into one task share the task's accumulators, so reuse one already there.
    Accumulator<Long, Long> existing = context.getAccumulator(ACCUMULATOR);
    LongCounter total = existing instanceof LongCounter counter ? counter : new LongCounter();
    if (existing == null) {
      context.addAccumulator(ACCUMULATOR, total);
    }
    return context.getMetricGroup().counter(WindowEngine.LATE_EVENTS_METRIC, new AccumulatorCounter(total));
  }

  /** A metric counter whose count lives in the job accumulator. */
  private static final class AccumulatorCounter implements Counter {
    private final LongCounter total;
    private long count;

    AccumulatorCounter(LongCounter total) {
      this.total = total;
    }

    @Override
    public void inc() {
      inc(1);
    }

    @Override
    public void inc(long n) {
      count += n;
      total.add(n);
    }

    @Override
    public void dec() {
      dec(1);
    }

    @Override
    public void dec(long n) {
      inc(-n);
    }

    @Override
    public long getCount() {
      return count;
    }
  }
}
