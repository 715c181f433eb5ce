package io.featuresdk.runtime.window;

import java.lang.reflect.Array;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.ObjectArrayTypeInfo;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.runtime.state.internal.InternalValueState;

/**
 * Every state of {@link SlicedWindowOperator}, by the name and type its checkpoints and savepoints
 * hold it under. Kept in one place because those names and serializers are a compatibility
 * contract: renaming one, or changing its type, makes a savepoint of an older version fail to
 * restore (or silently start empty). The operator decides which states it needs; this class only
 * names and types them.
 */
final class SlicedWindowState<K, A> {

  /** The name of the operator's event- and processing-time timer service. */
  static final String TIMERS = "slice-windows";

  /** How the operator's backends create a state (the operator's own accessors are protected). */
  interface Backend<K> {
    /** The current key's value, through the mini-batch if there is one. */
    <T> ValueState<T> value(ValueStateDescriptor<T> descriptor) throws Exception;

    /** Keyed state with a slice end (or another long) as namespace. */
    <T> InternalValueState<K, Long, T> namespaced(ValueStateDescriptor<T> descriptor)
        throws Exception;

    /** Operator state every subtask gets all of after a restore. */
    <T> ListState<T> unionList(ListStateDescriptor<T> descriptor) throws Exception;
  }

  private final Backend<K> backend;
  private final TypeInformation<A> accumulatorType;

  SlicedWindowState(Backend<K> backend, TypeInformation<A> accumulatorType) {
    this.backend = backend;
    this.accumulatorType = accumulatorType;
  }

  /** All of a key's slices in one value ({@link PackedSliceStore}). */
  SliceStore<A> packedSlices(long slice) throws Exception {
    Class<A> accumulatorClass = accumulatorType.getTypeClass();
    @SuppressWarnings("unchecked")
    Class<A[]> arrayClass = (Class<A[]>) Array.newInstance(accumulatorClass, 0).getClass();
    TypeInformation<Tuple2<long[], A[]>> packedType =
        new TupleTypeInfo<>(
            PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO,
            ObjectArrayTypeInfo.getInfoFor(arrayClass, accumulatorType));
    return new PackedSliceStore<>(
        backend.value(new ValueStateDescriptor<>("packed-slices", packedType)),
        slice,
        accumulatorClass);
  }

  /**
   * One value per (key, slice) ({@link NamespacedSliceStore}).
   *
   * @param inPlace whether the backend hands out its stored objects (the heap)
   */
  SliceStore<A> namespacedSlices(boolean inPlace) throws Exception {
    ValueState<long[]> liveRange = backend.value(longs("live-slices"));
    return new NamespacedSliceStore<>(
        backend.namespaced(new ValueStateDescriptor<>("slices", accumulatorType)), liveRange, inPlace);
  }

  /** {@link TwoStackWindows}' front suffixes. */
  InternalValueState<K, Long, A> stackFront() throws Exception {
    return backend.namespaced(new ValueStateDescriptor<>("stack-front", accumulatorType));
  }

  /** {@link TwoStackWindows}' backs. */
  InternalValueState<K, Long, A> stackBack() throws Exception {
    return backend.namespaced(new ValueStateDescriptor<>("stack-back", accumulatorType));
  }

  /** {@link TwoStackWindows}' bounds. */
  ValueState<long[]> stackBounds() throws Exception {
    return backend.value(longs("stack-bounds"));
  }

  /** The {@link FiredHorizon}, per key and per subtask. */
  FiredHorizon firedHorizon() throws Exception {
    return new FiredHorizon(
        backend.value(new ValueStateDescriptor<>("fired-horizon", LongSerializer.INSTANCE)),
        backend.unionList(new ListStateDescriptor<>("fired-watermarks", LongSerializer.INSTANCE)));
  }

  /** {@link FirstWindowEnds}' per-key ends. */
  ValueState<long[]> firstWindowEnds() throws Exception {
    return backend.value(longs("first-window-ends"));
  }

  /** {@link ProvisionalEmitter}'s per-key coverage. */
  ValueState<long[]> provisionalCoverage() throws Exception {
    return backend.value(longs("provisional-coverage"));
  }

  /** {@link EmptyWindowRows}' row of the key, for its key fields. */
  <R> ValueState<R> emptyRowsKeyRow(TypeInformation<R> rowType) throws Exception {
    return backend.value(new ValueStateDescriptor<>("empty-rows-key-row", rowType));
  }

  /** {@link EmptyWindowRows}' per-spec ends of the latest windows with events. */
  ValueState<long[]> emptyRowsLastEnds() throws Exception {
    return backend.value(longs("empty-rows-last-ends"));
  }

  private static ValueStateDescriptor<long[]> longs(String name) {
    return new ValueStateDescriptor<>(name, PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO);
  }
}
