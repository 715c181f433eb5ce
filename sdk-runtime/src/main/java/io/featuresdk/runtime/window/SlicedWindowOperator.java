package io.featuresdk.runtime.window;

import io.featuresdk.runtime.spi.FeatureAggregation;
import io.featuresdk.runtime.spi.FeatureRowCodec;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.FeatureRecord;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.metrics.Counter;
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
import org.apache.flink.util.OutputTag;

/**
 * Computes every window of one feature group in one keyed operator by sharing slices, the way
 * Flink SQL's {@code HOP} does (FLIP-145), but on generated accumulators:
 *
 * <ul>
 *   <li>each event updates the one partial accumulator of its (key, slice), keyed state with the
 *       slice end as namespace, mutated in place on the heap backend;
 *   <li>a key has at most one pending event-time timer, at its next window end; it is registered
 *       when a key's slice is created and re-registered from the timer while older slices are live,
 *       never per event;
 *   <li>when a timer fires, each spec whose slide divides the end merges the window's slices into
 *       a fresh accumulator (in time order, so first/last ties stay broken by arrival) and emits
 *       the row to the spec's side output unless the window is empty;
 *   <li>slices whose last window has fired are cleared.
 * </ul>
 *
 * <p>An event is late, dropped and counted in {@value WindowEngine#LATE_EVENTS_METRIC}, when every
 * window of every spec containing it has fired ({@code end - 1 <= watermark}); otherwise it counts
 * in exactly the windows that have not fired, as in Flink's window operator. Per key, state holds
 * at most {@code (maxSize + out-of-orderness) / slice} slices plus one two-long live range.
 */
public final class SlicedWindowOperator<K, I, A, R> extends AbstractStreamOperator<FeatureRecord>
    implements OneInputStreamOperator<I, FeatureRecord>, Triggerable<K, VoidNamespace> {
  private static final long serialVersionUID = 1L;

  private final SliceLayout layout;
  private final FeatureAggregation<I, A, R> aggregation;
  private final FeatureRowCodec<R> codec;
  private final TypeInformation<A> accumulatorType;
  private final List<OutputTag<FeatureRecord>> outputs;

  private transient InternalValueState<K, Long, A> slices;
  /** {oldest, newest} slice end that may hold an accumulator; absent when the key has none. */
  private transient ValueState<long[]> liveRange;
  private transient InternalTimerService<VoidNamespace> timers;
  private transient Counter lateEvents;
  private transient boolean mutateInPlace;
  private transient long cachedSliceEnd;
  private transient Long cachedNamespace;
  private transient long cachedLastWindowEnd;
  private transient ByteArrayOutputStream buffer;
  private transient BinaryEncoder encoder;

  /**
   * @param windows the group's windows
   * @param outputs one side output per window, in the same order
   */
  public SlicedWindowOperator(
      List<WindowSpec> windows,
      FeatureAggregation<I, A, R> aggregation,
      FeatureRowCodec<R> codec,
      TypeInformation<A> accumulatorType,
      List<OutputTag<FeatureRecord>> outputs) {
    if (windows.size() != outputs.size()) {
      throw new IllegalArgumentException(
          windows.size() + " windows but " + outputs.size() + " outputs; pass one output per window");
    }
    this.layout = new SliceLayout(windows);
    this.aggregation = aggregation;
    this.codec = codec;
    this.accumulatorType = accumulatorType;
    this.outputs = List.copyOf(outputs);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open() throws Exception {
    super.open();
    slices =
        (InternalValueState<K, Long, A>)
            getOrCreateKeyedState(
                LongSerializer.INSTANCE, new ValueStateDescriptor<>("slices", accumulatorType));
    liveRange =
        getPartitionedState(
            VoidNamespace.INSTANCE,
            VoidNamespaceSerializer.INSTANCE,
            new ValueStateDescriptor<>(
                "live-slices", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
    timers = getInternalTimerService("slice-windows", VoidNamespaceSerializer.INSTANCE, this);
    lateEvents = getMetricGroup().counter(WindowEngine.LATE_EVENTS_METRIC);
    // The heap backend hands out its stored object and copies it on read while a snapshot holds
    // an older version, so updating in place is safe there; other backends need update().
    mutateInPlace = getKeyedStateBackend() instanceof HeapKeyedStateBackend;
    cachedSliceEnd = Long.MIN_VALUE;
    buffer = new ByteArrayOutputStream(256);
    encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);
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
      cachedNamespace = sliceEnd;
      cachedLastWindowEnd = layout.lastWindowEnd(sliceEnd);
    }
    long watermark = timers.currentWatermark();
    if (cachedLastWindowEnd - 1 <= watermark) {
      lateEvents.inc();
      return;
    }
    slices.setCurrentNamespace(cachedNamespace);
    A accumulator = slices.value();
    if (accumulator == null) {
      accumulator = aggregation.createAccumulator();
      aggregation.add(accumulator, element.getValue());
      slices.update(accumulator);
      sliceCreated(sliceEnd, watermark);
    } else {
      aggregation.add(accumulator, element.getValue());
      if (!mutateInPlace) {
        slices.update(accumulator);
      }
    }
  }

  private void sliceCreated(long sliceEnd, long watermark) throws Exception {
    long firstEnd = layout.firstOpenWindowEnd(sliceEnd, watermark);
    timers.registerEventTimeTimer(VoidNamespace.INSTANCE, firstEnd - 1);
    long[] range = liveRange.value();
    if (range == null) {
      liveRange.update(new long[] {sliceEnd, sliceEnd});
    } else if (sliceEnd < range[0] || sliceEnd > range[1]) {
      range[0] = Math.min(range[0], sliceEnd);
      range[1] = Math.max(range[1], sliceEnd);
      liveRange.update(range);
    }
  }

  @Override
  public void onEventTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
    long end = timer.getTimestamp() + 1;
    long[] range = liveRange.value();
    if (range == null) {
      return;
    }
    long oldest = range[0];
    long newest = range[1];
    for (int i = 0; i < layout.sizes.length; i++) {
      if (Math.floorMod(end, layout.slides[i]) == 0) {
        fire(i, end, oldest, newest);
      }
    }
    long next = free(end, oldest, newest);
    if (next > newest) {
      liveRange.clear();
      return;
    }
    if (next != oldest) {
      range[0] = next;
      liveRange.update(range);
    }
    if (next <= end) {
      // a live slice with windows still to fire; slices after end registered their own timer
      timers.registerEventTimeTimer(VoidNamespace.INSTANCE, layout.nextWindowEnd(end) - 1);
    }
  }

  private void fire(int spec, long end, long oldest, long newest) throws Exception {
    long start = end - layout.sizes[spec];
    A merged = null;
    for (long s = Math.max(start + layout.slice, oldest); s <= Math.min(end, newest); s += layout.slice) {
      slices.setCurrentNamespace(s);
      A part = slices.value();
      if (part != null) {
        if (merged == null) {
          merged = aggregation.createAccumulator();
        }
        aggregation.merge(merged, part);
      }
    }
    if (merged == null || aggregation.isEmpty(merged)) {
      return;
    }
    R row = aggregation.toRow(merged, start, end);
    buffer.reset();
    codec.encode(row, encoder);
    encoder.flush();
    output.collect(
        outputs.get(spec),
        new StreamRecord<>(
            new FeatureRecord(codec.primaryKey(row), end, buffer.toByteArray()), end - 1));
  }

  /**
   * Clears the slices whose last window has fired and skips empty slots, so the range starts at a
   * slice that exists; returns the new oldest slice end (greater than newest when none is left).
   */
  private long free(long end, long oldest, long newest) throws Exception {
    long s = oldest;
    while (s <= newest) {
      slices.setCurrentNamespace(s);
      if (layout.lastWindowEnd(s) <= end) {
        slices.clear();
      } else if (slices.value() != null) {
        break;
      }
      s += layout.slice;
    }
    return s;
  }

  /** The late events counted so far by this subtask (for tests; the metric is the API). */
  long lateEventCount() {
    return lateEvents.getCount();
  }

  @Override
  public void onProcessingTime(InternalTimer<K, VoidNamespace> timer) {}
}
