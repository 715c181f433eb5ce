/**
 * The pipeline builder: {@link io.featuresdk.runtime.FeaturePipeline} turns a generated
 * {@link io.featuresdk.runtime.spi.FeatureGroupDefinition} and a stream of source events into
 * {@link io.featuresdk.runtime.FeatureStreams}, one stream of feature rows per declared window.
 *
 * <pre>{@code
 * env.enableCheckpointing(10_000);
 * FeaturePipeline.of(PriceFeatures_FeatureGroup.instance())
 *     .fromSource(env, source, "ticker")
 *     .insertStream(FeatureStores.local(Path.of("feature-store")));
 * }</pre>
 *
 * <p>Semantics, for every window {@code (size, slide)} of a group:
 *
 * <ul>
 *   <li>windows are {@code [end - size, end)} with {@code end} a multiple of {@code slide} since
 *       the epoch; the row's event time is {@code end};
 *   <li>a row is emitted once, when the watermark passes {@code end} ({@code end - 1 <= watermark});
 *       windows without events emit nothing;
 *   <li>the watermark trails the newest event time by the group's {@code maxOutOfOrderness}; an
 *       event counts in every window containing it that has not fired yet; it is late when every
 *       window containing it has fired, and then dropped and counted in the operator metric
 *       {@code lateEvents} (sliced mode: once per event, on operator {@code "<template> windows"};
 *       native mode: once per window operator that dropped it, on {@code "<group> late events"}).
 * </ul>
 *
 * <p>{@link io.featuresdk.runtime.WindowMode#SLICED} (default) and
 * {@link io.featuresdk.runtime.WindowMode#NATIVE} emit the same rows; sums and averages may differ
 * in the last bits because values are added in another order.
 *
 * <p>Nothing on the per-event or per-row path uses reflection or Kryo: input records and
 * accumulators use the generated serializers, rows travel as
 * {@link io.featuresdk.runtime.store.FeatureRecord} (hand-written serializer) until a store writes
 * them.
 */
package io.featuresdk.runtime;
