package io.featuresdk.runtime.window;

import io.featuresdk.runtime.spi.FeatureAggregation;
import io.featuresdk.runtime.spi.WindowSpec;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.runtime.state.internal.InternalValueState;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Computes every window of one feature group in one keyed operator by sharing slices, the way
 * Flink SQL's {@code HOP} does (FLIP-145), but on generated accumulators:
 *
 * <ul>
 *   <li>each event updates the one partial accumulator of its (key, slice), kept by a {@link
 *       SliceStore}: for windows of at most {@value #PACKED_LAYOUT_MAX_SLICES} slices all of a
 *       key's slices in one value, so an event and a fire each read and write the backend once
 *       instead of once per slice; for larger windows keyed state with the slice end as
 *       namespace. The layout depends on the windows only, never on the state backend, so a
 *       savepoint taken on the heap restores on RocksDB and the other way round;
 *   <li>off the heap backend the per-key values are read and written through a {@link
 *       KeyedStateMiniBatch}, which adds no latency;
 *   <li>a key has at most one pending event-time timer, at its next window end; it is registered
 *       when a key's slice is created and re-registered from the timer while older slices are live,
 *       never per event;
 *   <li>when a timer fires, each spec whose slide divides the end merges the window's slices into
 *       a fresh accumulator (in time order, so first/last ties stay broken by arrival) and emits
 *       the typed row to the spec's side output of its {@link RowKind} unless the window is empty (stores get it encoded
 *       by a chained {@link FeatureRecordEncoder});
 *   <li>in the per-slice layout, windows of more than {@value #DEFAULT_STACK_THRESHOLD} slices are answered from two
 *       stacks ({@link TwoStackWindows}), so a fire merges about {@code 2 * slide / slice}
 *       accumulators instead of {@code size / slice};
 *   <li>slices whose last window has fired are cleared;
 *   <li>unless the refresh interval is 0, each key's newest window is also emitted early as a
 *       {@link RowKind#PROVISIONAL} row, at most once per interval ({@link ProvisionalEmitter}).
 * </ul>
 *
 * <p>An event is late, dropped and counted in {@value WindowEngine#LATE_EVENTS_METRIC}, when every
 * window of every spec containing it has fired ({@code end - 1 <= watermark}); otherwise it counts
 * in exactly the windows that have not fired, as in Flink's window operator. What has fired is
 * remembered across restores ({@link FiredHorizon}), so a restored operator, whose watermark starts
 * again from the minimum, judges events as the uninterrupted one would and never emits a window
 * twice. Each row goes to the complete or the truncated output by the {@link WindowCompleteness}
 * rule. Per key, state holds at most {@code (maxSize +
 * out-of-orderness) / slice} slices plus one two-long live range and, for as long as the key
 * exists, one long (the fired horizon) and, under the inferred completeness rule, the end of its
 * first window per spec. With {@link EmptyWindowRows}, a key whose window becomes empty emits one
 * {@link RowKind#EMPTY} row. With an allowed lateness ({@link LateCorrections}), events also count
 * in windows that fired less than that long ago, those are emitted again at once, and slices are
 * kept that much longer. Every state's name and type, which savepoints depend on, is in {@link
 * SlicedWindowState}.
 */
public final class SlicedWindowOperator<K, I, A, R> extends AbstractStreamOperator<R>
    implements OneInputStreamOperator<I, R>, Triggerable<K, VoidNamespace> {
  private static final long serialVersionUID = 1L;

  private final SliceLayout layout;
  private final FeatureAggregation<I, A, R> aggregation;
  private final TypeInformation<A> accumulatorType;
  private final WindowOutputs<R> outputs;
  private final WindowCompleteness completeness;
  private final int stackThreshold;
  /** How often a key's provisional rows are refreshed; 0 emits none. */
  private final long provisionalRefreshMillis;
  /** Off the heap backend, the keys a mini-batch holds; 0 for none. */
  private final int miniBatchKeys;
  /** In front of the per-key values off the heap backend; null on the heap or when turned off. */
  private transient KeyedStateMiniBatch miniBatch;

  private transient SliceStore<A> slices;
  private transient SliceMerges<A> merges;
  private transient TwoStackWindows<K, A> stacks;
  private transient InternalTimerService<VoidNamespace> timers;
  private transient FiredHorizon horizon;
  private transient FirstWindowEnds firstWindowEnds;
  private transient Counter lateEvents;
  private transient long cachedSliceEnd;
  private transient long cachedLastWindowEnd;
  private transient ProvisionalEmitter<A, R> provisional;
  /** The row type, when rows of windows that became empty are emitted; null emits none. */
  private final TypeInformation<R> emptyWindowRowType;
  private transient EmptyWindowRows<R> emptyRows;
  /** Which events are late and which fired windows they correct (allowed lateness). */
  private final LateCorrections late;

  /**
   * @param windows the group's windows
   * @param outputs the side outputs of each window, in the same order
   * @param completeness decides which rows are complete and which truncated
   */
  public SlicedWindowOperator(
      List<WindowSpec> windows,
      FeatureAggregation<I, A, R> aggregation,
      TypeInformation<A> accumulatorType,
      WindowOutputs<R> outputs,
      WindowCompleteness completeness) {
    this(windows, aggregation, accumulatorType, outputs, completeness, DEFAULT_STACK_THRESHOLD);
  }

  /** Windows of more than this many slices are kept in two stacks (see the class comment). */
  static final int DEFAULT_STACK_THRESHOLD = 16;

  /**
   * Groups whose largest window has at most this many slices keep all of a key's slices in one
   * value ({@link PackedSliceStore}) and merge them in memory without stacks:
   * an event or a fire then reads and writes one value. Larger windows keep one value per slice
   * and stacks, so an event never deserializes thousands of slices.
   */
  static final int PACKED_LAYOUT_MAX_SLICES = 256;

  /**
   * Off the heap backend, the keys whose values the {@link KeyedStateMiniBatch} holds in heap
   * between write-backs, per state: bounds the heap it uses.
   */
  static final int DEFAULT_MINI_BATCH_KEYS = 10_000;

  SlicedWindowOperator(
      List<WindowSpec> windows,
      FeatureAggregation<I, A, R> aggregation,
      TypeInformation<A> accumulatorType,
      WindowOutputs<R> outputs,
      WindowCompleteness completeness,
      int stackThreshold) {
    this(windows, aggregation, accumulatorType, outputs, completeness, stackThreshold, 0);
  }

  /** @param provisionalRefreshMillis how often a key's provisional rows are refreshed; 0 for none */
  SlicedWindowOperator(
      List<WindowSpec> windows,
      FeatureAggregation<I, A, R> aggregation,
      TypeInformation<A> accumulatorType,
      WindowOutputs<R> outputs,
      WindowCompleteness completeness,
      int stackThreshold,
      long provisionalRefreshMillis) {
    this(windows, aggregation, accumulatorType, outputs, completeness, stackThreshold,
        provisionalRefreshMillis, null, 0, DEFAULT_MINI_BATCH_KEYS);
  }

  /**
   * @param emptyWindowRowType the row type, to emit a {@link RowKind#EMPTY} row when a key's window
   *     becomes empty ({@link EmptyWindowRows}); null for none
   * @param allowedLatenessMillis how long after its end a fired window still accepts events and
   *     emits a corrected row ({@link LateCorrections}); 0 for none
   * @param miniBatchKeys off the heap backend, how many keys' values the {@link
   *     KeyedStateMiniBatch} holds before writing them back; 0 for no mini-batch
   */
  SlicedWindowOperator(
      List<WindowSpec> windows,
      FeatureAggregation<I, A, R> aggregation,
      TypeInformation<A> accumulatorType,
      WindowOutputs<R> outputs,
      WindowCompleteness completeness,
      int stackThreshold,
      long provisionalRefreshMillis,
      TypeInformation<R> emptyWindowRowType,
      long allowedLatenessMillis,
      int miniBatchKeys) {
    if (miniBatchKeys < 0) {
      throw new IllegalArgumentException("mini-batch size must be 0 (off) or positive, got " + miniBatchKeys);
    }
    this.miniBatchKeys = miniBatchKeys;
    this.emptyWindowRowType = emptyWindowRowType;
    if (provisionalRefreshMillis < 0) {
      throw new IllegalArgumentException(
          "provisional refresh interval must be 0 (off) or positive, got " + provisionalRefreshMillis);
    }
    this.provisionalRefreshMillis = provisionalRefreshMillis;
    if (windows.size() != outputs.size()) {
      throw new IllegalArgumentException(
          windows.size() + " windows but " + outputs.size() + " outputs; pass one output per window");
    }
    this.layout = new SliceLayout(windows);
    this.late = new LateCorrections(layout, allowedLatenessMillis);
    this.aggregation = aggregation;
    this.accumulatorType = accumulatorType;
    this.outputs = outputs;
    this.completeness = completeness;
    this.stackThreshold = stackThreshold;
  }

  @Override
  public void open() throws Exception {
    super.open();
    // The heap backend hands out its stored object and copies it on read while a snapshot holds
    // an older version, so updating in place is safe there; other backends need a write.
    boolean heap = getKeyedStateBackend() instanceof HeapKeyedStateBackend;
    // the same layout on every backend: savepoints move between heap and RocksDB. A stack
    // threshold below the default asks for stacks, which only the per-slice layout has (tests).
    boolean packedLayout =
        layout.maxSize / layout.slice <= PACKED_LAYOUT_MAX_SLICES
            && stackThreshold >= DEFAULT_STACK_THRESHOLD;
    // the heap backend keeps values as objects already: a batch would only add a lookup
    miniBatch = heap || miniBatchKeys == 0 ? null : new KeyedStateMiniBatch(this, miniBatchKeys);
    SlicedWindowState<K, A> state = new SlicedWindowState<>(new StateBackends(), accumulatorType);
    slices = packedLayout ? state.packedSlices(layout.slice) : state.namespacedSlices(heap);
    merges = new SliceMerges<>(layout, aggregation, slices);
    stacks =
        new TwoStackWindows<>(
            layout, aggregation, slices, merges,
            // in the packed layout a fire merges slices already read into memory: cheap without stacks
            packedLayout ? Long.MAX_VALUE : stackThreshold,
            state.stackFront(), state.stackBack(), state.stackBounds());
    timers = getInternalTimerService(SlicedWindowState.TIMERS, VoidNamespaceSerializer.INSTANCE, this);
    horizon = state.firedHorizon();
    firstWindowEnds =
        new FirstWindowEnds(
            layout.sizes.length, completeness.needsFirstWindowEnds() ? state.firstWindowEnds() : null);
    lateEvents = LateEvents.register(getRuntimeContext());
    cachedSliceEnd = Long.MIN_VALUE;
    if (provisionalRefreshMillis > 0) {
      provisional =
          new ProvisionalEmitter<>(
              layout, aggregation, outputs, provisionalRefreshMillis, state.provisionalCoverage(),
              heap, timers, this::unfiredWindow, output);
    }
    if (emptyWindowRowType != null) {
      emptyRows =
          new EmptyWindowRows<>(
              layout, aggregation, outputs,
              state.emptyRowsKeyRow(emptyWindowRowType), state.emptyRowsLastEnds(),
              timers, output);
    }
  }

  /** This operator's keyed and operator state backends, for {@link SlicedWindowState}. */
  private final class StateBackends implements SlicedWindowState.Backend<K> {
    @Override
    public <T> ValueState<T> value(ValueStateDescriptor<T> descriptor) throws Exception {
      ValueState<T> state =
          getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, descriptor);
      return miniBatch == null ? state : miniBatch.batched(state);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> InternalValueState<K, Long, T> namespaced(ValueStateDescriptor<T> descriptor)
        throws Exception {
      return (InternalValueState<K, Long, T>) getOrCreateKeyedState(LongSerializer.INSTANCE, descriptor);
    }

    @Override
    public <T> ListState<T> unionList(ListStateDescriptor<T> descriptor) throws Exception {
      return getOperatorStateBackend().getUnionListState(descriptor);
    }
  }

  @Override
  public void processElement(StreamRecord<I> element) throws Exception {
    if (!element.hasTimestamp()) {
      throw new IllegalStateException(
          "record without event time reached the window operator; assign timestamps before it");
    }
    long sliceEnd = layout.sliceEnd(element.getTimestamp());
    if (sliceEnd != cachedSliceEnd) {
      cachedSliceEnd = sliceEnd;
      cachedLastWindowEnd = layout.lastWindowEnd(sliceEnd);
    }
    long firedUpTo = horizon.firedUpTo(timers.currentWatermark(), sliceEnd);
    if (late.isLate(cachedLastWindowEnd, firedUpTo)) {
      lateEvents.inc();
      return;
    }
    if (stacks.any() && sliceEnd <= firedUpTo + 1) {
      // the slice may already be folded into a stack: rebuild the stacks at the next fire (rare:
      // only events behind the watermark that still belong to an open window get here)
      stacks.invalidate();
    }
    A accumulator = slices.get(sliceEnd);
    if (accumulator == null) {
      accumulator = aggregation.createAccumulator();
      aggregation.add(accumulator, element.getValue());
      slices.create(sliceEnd, accumulator);
      sliceCreated(sliceEnd, firedUpTo);
    } else {
      aggregation.add(accumulator, element.getValue());
      slices.changed(sliceEnd, accumulator);
    }
    if (provisional != null) {
      provisional.accepted(element.getTimestamp());
    }
    late.forEachFiredWindow(sliceEnd, firedUpTo, this::emitCorrection);
  }

  private void sliceCreated(long sliceEnd, long firedUpTo) throws Exception {
    long firstEnd = layout.firstOpenWindowEnd(sliceEnd, firedUpTo);
    if (firstEnd == Long.MAX_VALUE) {
      // accepted within the allowed lateness after all its windows fired: clear it when it expires
      firstEnd = late.expiry(sliceEnd);
    }
    timers.registerEventTimeTimer(VoidNamespace.INSTANCE, firstEnd - 1);
  }

  @Override
  public void onEventTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
    long end = timer.getTimestamp() + 1;
    try {
      long[] range = slices.beginFire();
      if (range == null) {
        if (emptyRows != null) {
          horizon.fired(timers.currentWatermark());
          emptyRows.firedWithoutSlices(end, timers.currentWatermark());
        }
        return;
      }
      horizon.fired(timers.currentWatermark());
      fireAndFree(end, range[0], range[1]);
    } finally {
      slices.endFire();
      firstWindowEnds.endFire();
    }
  }

  private void fireAndFree(long end, long oldest, long newest) throws Exception {
    for (int i = 0; i < layout.sizes.length; i++) {
      if (Math.floorMod(end, layout.slides[i]) == 0) {
        fire(i, end, oldest, newest);
      }
    }
    long next = free(end, oldest, newest);
    slices.freedUpTo(next);
    if (next > newest) {
      if (stacks.any()) {
        stacks.clear();
      }
      if (provisional != null) {
        provisional.forget();
      }
      return;
    }
    if (next <= end) {
      // a live slice with windows still to fire; slices after end registered their own timer
      timers.registerEventTimeTimer(VoidNamespace.INSTANCE, layout.nextWindowEnd(end) - 1);
    }
  }

  private void fire(int spec, long end, long oldest, long newest) throws Exception {
    long start = end - layout.sizes[spec];
    A merged =
        stacks.isStacked(spec)
            ? stacks.window(spec, end, oldest, newest)
            : merges.window(start, end, oldest, newest);
    if (merged == null || aggregation.isEmpty(merged)) {
      if (emptyRows != null) {
        emptyRows.firedWithoutEvents(spec, end, timers.currentWatermark());
      }
      return;
    }
    R row = emit(spec, start, end, merged);
    if (emptyRows != null) {
      emptyRows.firedWithEvents(spec, end, row);
    }
  }

  private R emit(int spec, long start, long end, A merged) throws Exception {
    R row = aggregation.toRow(merged, start, end);
    output.collect(
        outputs.tag(
            spec,
            RowKind.of(
                completeness.isComplete(
                    start, end, timers.currentWatermark(), firstWindowEnds.of(spec)))),
        new StreamRecord<>(row, end - 1));
    return row;
  }

  /** Emits a fired window again with the late event just accepted ({@link LateCorrections}). */
  private void emitCorrection(int spec, long start, long end) throws Exception {
    try {
      emit(spec, start, end, merges.window(start, end));
    } finally {
      firstWindowEnds.endFire();
    }
  }

  /** The current key's window {@code [start, end)} so far, or null once it has fired. */
  private A unfiredWindow(long start, long end) throws Exception {
    if (end - 1 <= horizon.firedUpTo(timers.currentWatermark(), end)) {
      return null;
    }
    return merges.window(start, end);
  }

  /**
   * Clears the slices whose last window has fired and skips empty slots, so the range starts at a
   * slice that exists; returns the new oldest slice end (greater than newest when none is left).
   */
  private long free(long end, long oldest, long newest) throws Exception {
    long s = oldest;
    while (s <= newest) {
      if (late.expired(s, end)) {
        slices.remove(s);
      } else if (slices.get(s) != null) {
        break;
      }
      s += layout.slice;
    }
    return s;
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    // runs at every checkpoint and savepoint before the keyed backend is snapshotted
    if (miniBatch != null) {
      miniBatch.flush();
    }
    super.snapshotState(context);
    horizon.snapshot(timers.currentWatermark());
  }

  /** The late events counted so far by this subtask (for tests; the metric is the API). */
  long lateEventCount() {
    return lateEvents.getCount();
  }

  @Override
  public void onProcessingTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
    // only the provisional emitter registers processing-time timers; a job restored with
    // provisional rows turned off still fires the ones in its checkpoint
    if (provisional != null) {
      provisional.refresh(timer.getTimestamp());
    }
  }
}
