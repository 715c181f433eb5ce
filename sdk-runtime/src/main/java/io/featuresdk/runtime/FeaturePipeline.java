package io.featuresdk.runtime;

import io.featuresdk.runtime.recovery.BoundedRestarts;
import io.featuresdk.runtime.recovery.DurableCheckpoints;
import io.featuresdk.runtime.spi.FeatureGroupDefinition;
import io.featuresdk.runtime.spi.FeatureGroupInfo;
import io.featuresdk.runtime.spi.InputProjection;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.window.NativeWindowEngine;
import io.featuresdk.runtime.window.SlicedWindowEngine;
import io.featuresdk.runtime.window.WindowCompleteness;
import io.featuresdk.runtime.window.WindowEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Builds the Flink job graph of one feature class: event time and watermarks, projection to the
 * generated input record, {@code keyBy} on the primary key, then one window computation per
 * declared window.
 *
 * <pre>{@code
 * StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
 * env.enableCheckpointing(10_000);
 * FeaturePipeline.of(PriceFeatures_FeatureGroup.instance())
 *     .fromSource(env, CoinbaseTickerSource.live("ETH-USD"), "coinbase ticker")
 *     .insertStream(FeatureStores.local(Path.of("feature-store")));
 * env.execute("ETH-USD price features");
 * }</pre>
 *
 * <p><b>Watermarks.</b> The watermark trails the largest event time seen by
 * {@link FeatureGroupInfo#maxOutOfOrderness()}; events further behind than that are late, dropped
 * and counted in the {@code lateEvents} metric. A watermark is the minimum over all input splits
 * and subtasks, so one split that stops receiving events stops every window from firing. Sources
 * where that can happen (a partition without traffic) should call {@link #withIdleness}: a split
 * idle for that long is ignored until it produces again, at the risk that its next events are late.
 *
 * <p><b>Which events are late.</b> The projection runs chained to the watermark generator, at the
 * input's parallelism, so every window subtask receives each input subtask's events and watermarks
 * in that subtask's order. With {@link #withPerEventWatermarks()} and an input of one subtask
 * ({@code env.fromData(...)}, a non-parallel source), the late events, and so the rows, depend on
 * the input's order alone, at any job parallelism. They are not reproducible with periodic
 * watermarks (the default: emitted on a wall-clock timer), nor with an input of several subtasks
 * or splits: the windows' watermark is the minimum over them, so whether an event behind its own
 * split's watermark is dropped also depends on how far the other splits have got.
 *
 * @param <E> the source event type
 * @param <R> the feature row type
 */
public final class FeaturePipeline<E, R> {
  private final FeatureGroupDefinition<E, ?, ?, ?, R> definition;
  private WindowMode mode = WindowMode.SLICED;
  private WindowCompleteness completeness = WindowCompleteness.inferred();
  /** Replaces the engine chosen by mode and completeness when set (internal). */
  private WindowEngine engine;
  private Duration idleness;
  private boolean perEventWatermarks;
  private DurableCheckpoints durableCheckpoints;
  /** Whether empty windows emit a row; null: for online groups ({@link #withEmptyWindowRows}). */
  private Boolean emptyWindowRows;
  private Duration allowedLateness = Duration.ZERO;

  private FeaturePipeline(FeatureGroupDefinition<E, ?, ?, ?, R> definition) {
    this.definition = definition;
  }

  /**
   * A pipeline for the generated {@code definition} ({@code <FeatureClass>_FeatureGroup}).
   *
   * @throws IllegalArgumentException if the definition cannot run, e.g. a group name that is not
   *     lowercase letters, digits and underscores
   */
  public static <E, R> FeaturePipeline<E, R> of(FeatureGroupDefinition<E, ?, ?, ?, R> definition) {
    Objects.requireNonNull(definition, "definition");
    FeatureGroupInfo info = definition.info();
    if (info.windows().isEmpty()) {
      throw new IllegalArgumentException(
          "feature group " + info.nameTemplate() + " declares no window; add a window annotation");
    }
    if (info.maxOutOfOrderness().isNegative()) {
      throw new IllegalArgumentException(
          "feature group " + info.nameTemplate() + ": maxOutOfOrderness must not be negative, got "
              + info.maxOutOfOrderness());
    }
    if (info.windows().size() > 1 && !info.nameTemplate().contains(FeatureGroupInfo.WINDOW_PLACEHOLDER)) {
      throw new IllegalArgumentException(
          "feature group " + info.nameTemplate() + " declares " + info.windows().size()
              + " windows but its name has no " + FeatureGroupInfo.WINDOW_PLACEHOLDER
              + " placeholder, so all windows would write the same group; add "
              + FeatureGroupInfo.WINDOW_PLACEHOLDER + " to the name");
    }
    for (WindowSpec window : info.windows()) {
      FeatureGroupTarget.checkName(info.groupName(window));
    }
    return new FeaturePipeline<>(definition);
  }

  /**
   * Marks an input split idle when it has produced no event for {@code timeout}, so it no longer
   * holds back the watermark. Off by default.
   */
  public FeaturePipeline<E, R> withIdleness(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("idleness timeout must be positive, got " + timeout);
    }
    this.idleness = timeout;
    return this;
  }

  /**
   * Emits a watermark as soon as an event advances it instead of only every
   * {@code pipeline.auto-watermark-interval}. Makes results reproducible for a given event order
   * (tests, replays of recordings) at the cost of more watermarks on busy streams.
   */
  public FeaturePipeline<E, R> withPerEventWatermarks() {
    this.perEventWatermarks = true;
    return this;
  }

  /**
   * Chooses how windows are computed; {@link WindowMode#SLICED} (the default) shares slices
   * across all windows of the group in one operator, {@link WindowMode#NATIVE} uses one Flink
   * window operator per window. Rows are the same; savepoints are not interchangeable between
   * modes (the operators differ).
   */
  public FeaturePipeline<E, R> withWindowMode(WindowMode mode) {
    this.mode = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /**
   * Declares that the input holds every event with {@code from <= event time < until}, e.g. a
   * replay or backfill of that range. Then a row is {@linkplain
   * io.featuresdk.runtime.store.FeatureRecord#complete() complete}
   * exactly when its window lies inside the range, and offline stores write only those: windows
   * cut by either end of the range are not passed off as complete. To extend a backfill, start
   * the next range one largest window size before the previous range's end: its complete windows
   * then include every window the previous run left incomplete, and windows complete in both runs
   * get identical rows.
   *
   * <pre>{@code
   * FeaturePipeline.of(PriceFeatures_FeatureGroup.instance())
   *     .withInputCoverage(Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-05-02T00:00:00Z"))
   * }</pre>
   *
   * <p>Without it, completeness is inferred: a row is incomplete when its window fired only
   * because a bounded input ended, or starts before the end of its key's first window (see
   * {@link WindowCompleteness}).
   *
   * @throws IllegalArgumentException unless {@code from} is before {@code until}
   */
  public FeaturePipeline<E, R> withInputCoverage(Instant from, Instant until) {
    this.completeness = WindowCompleteness.covering(from, until);
    return this;
  }

  /**
   * Makes runs resumable and failures bounded: checkpoints go to {@code checkpoints}' directory and
   * are kept when the job fails or is cancelled, the job resumes from the latest complete one found
   * there (see {@link DurableCheckpoints}), and transient failures restart the job a bounded number
   * of times ({@link BoundedRestarts#defaults()}) instead of forever. Applied to the environment
   * when the source is added (a restart strategy configured on it afterwards wins); checkpointing
   * must be enabled ({@code env.enableCheckpointing}).
   *
   * <pre>{@code
   * FeaturePipeline.of(definition)
   *     .withDurableCheckpoints(DurableCheckpoints.in(Path.of("feature-store/checkpoints")))
   *     .fromSource(env, source, "ticker") ...
   * }</pre>
   */
  public FeaturePipeline<E, R> withDurableCheckpoints(DurableCheckpoints checkpoints) {
    this.durableCheckpoints = Objects.requireNonNull(checkpoints, "checkpoints");
    return this;
  }

  /**
   * Whether a key's window that becomes empty emits one row saying so ({@link
   * io.featuresdk.runtime.window.RowKind#EMPTY}): when the window of a size and slide that fires
   * has no event of the key but the key's previous one had some, the row with the key, the window
   * end, counts 0 and every other feature null, so an online store stops serving the key's last
   * row. On by default for online groups ({@code @FeatureGroup(online = true)}, the default), off
   * for offline-only ones. Online stores write these rows (the local store, Kafka); offline stores
   * skip them (not complete), and so does Hopsworks, whose one topic also feeds its offline table.
   * {@link WindowMode#SLICED} only.
   *
   * <pre>{@code
   * FeaturePipeline.of(PriceFeatures_FeatureGroup.instance()).withEmptyWindowRows(false)
   * }</pre>
   */
  public FeaturePipeline<E, R> withEmptyWindowRows(boolean emit) {
    this.emptyWindowRows = emit;
    return this;
  }

  /**
   * Accepts events up to {@code lateness} after the watermark passed their window: such an event
   * updates every window containing it that ended less than {@code lateness} before the watermark,
   * and each of those that had already fired is emitted again at once, with all its events (a
   * corrected row, which stores upsert by key and window end: the local offline store keeps the
   * last write per key and window end, online stores the newest). Events behind every window by
   * more than that are late as before: dropped and counted in {@code lateEvents}. Slices are kept
   * {@code lateness} longer, so state grows by {@code lateness / slice} slices per key. Zero (the
   * default) accepts nothing behind the watermark. {@link WindowMode#SLICED} only.
   *
   * <pre>{@code
   * FeaturePipeline.of(PriceFeatures_FeatureGroup.instance()).withAllowedLateness(Duration.ofMinutes(5))
   * }</pre>
   *
   * @throws IllegalArgumentException if {@code lateness} is negative
   */
  public FeaturePipeline<E, R> withAllowedLateness(Duration lateness) {
    Objects.requireNonNull(lateness, "lateness");
    if (lateness.isNegative()) {
      throw new IllegalArgumentException(
          "allowed lateness must not be negative, got " + lateness + "; pass Duration.ZERO for none");
    }
    this.allowedLateness = lateness;
    return this;
  }

  /** Internal: replaces the window engine. */
  FeaturePipeline<E, R> withWindowEngine(WindowEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
    return this;
  }

  /** The event-time and watermark strategy derived from the definition and options. */
  public WatermarkStrategy<E> watermarkStrategy() {
    Duration bound = definition.info().maxOutOfOrderness();
    WatermarkStrategy<E> strategy =
        perEventWatermarks
            ? WatermarkStrategy.forGenerator(context -> new PerEventBoundedOutOfOrderness<>(bound))
            : WatermarkStrategy.forBoundedOutOfOrderness(bound);
    strategy = strategy.withTimestampAssigner(new EventTimeAssigner<>(definition.projection()));
    return idleness == null ? strategy : strategy.withIdleness(idleness);
  }

  /** Assigns event time and bounded-out-of-orderness watermarks to {@code events}, then windows. */
  public FeatureStreams<R> from(DataStream<E> events) {
    DataStream<E> timestamped =
        events
            .assignTimestampsAndWatermarks(watermarkStrategy())
            .name(definition.info().nameTemplate() + " timestamps")
            .uid(uidPrefix() + "/timestamps");
    return windowed(timestamped);
  }

  /**
   * Reads {@code source} with the definition's watermark strategy, so watermarks are generated per
   * split inside the source and one slow split cannot make another split's events late.
   */
  public FeatureStreams<R> fromSource(
      StreamExecutionEnvironment env, Source<E, ?, ?> source, String sourceName) {
    DataStream<E> events =
        env.fromSource(source, watermarkStrategy(), sourceName)
            .uid(uidPrefix() + "/source/" + sourceName);
    return windowed(events);
  }

  private FeatureStreams<R> windowed(DataStream<E> events) {
    if (durableCheckpoints != null) {
      durableCheckpoints.applyTo(events.getExecutionEnvironment());
      BoundedRestarts.defaults().applyTo(events.getExecutionEnvironment());
    }
    WindowEngine chosen =
        engine != null
            ? engine
            : switch (mode) {
              case SLICED -> new SlicedWindowEngine(
                  completeness,
                  emptyWindowRows == null ? definition.info().online() : emptyWindowRows,
                  allowedLateness);
              case NATIVE -> {
                if (Boolean.TRUE.equals(emptyWindowRows)) {
                  throw new IllegalArgumentException(
                      "feature group " + definition.info().nameTemplate()
                          + ": empty-window rows need WindowMode.SLICED; remove"
                          + " withEmptyWindowRows(true) or use withWindowMode(WindowMode.SLICED)");
                }
                if (!allowedLateness.isZero()) {
                  throw new IllegalArgumentException(
                      "feature group " + definition.info().nameTemplate()
                          + ": allowed lateness needs WindowMode.SLICED; remove"
                          + " withAllowedLateness or use withWindowMode(WindowMode.SLICED)");
                }
                yield new NativeWindowEngine(completeness);
              }
            };
    return new FeatureStreams<>(Keyed.of(definition, events, uidPrefix()), chosen, uidPrefix());
  }

  private String uidPrefix() {
    FeatureGroupInfo info = definition.info();
    return "featuresdk/" + info.nameTemplate() + "/v" + info.version();
  }

  /** The projected, keyed input with the definition's type parameters captured. */
  static final class Keyed<E, I, K, A, R> {
    final FeatureGroupDefinition<E, I, K, A, R> definition;
    final KeyedStream<I, K> stream;

    private Keyed(FeatureGroupDefinition<E, I, K, A, R> definition, KeyedStream<I, K> stream) {
      this.definition = definition;
      this.stream = stream;
    }

    static <E, I, K, A, R> Keyed<E, I, K, A, R> of(
        FeatureGroupDefinition<E, I, K, A, R> definition, DataStream<E> events, String uidPrefix) {
      DataStream<I> inputs =
          events
              .map(new ProjectFunction<>(definition.projection()), definition.inputType())
              .name(definition.info().nameTemplate() + " projection")
              .uid(uidPrefix + "/projection")
              // Chained to the watermark generator: a rebalance here would spread one split's
              // events and watermarks over several channels, and which events are late would
              // depend on how far each channel had got (see the class comment).
              .setParallelism(events.getParallelism());
      return new Keyed<>(
          definition, inputs.keyBy(definition.keySelector(), definition.keyType()));
    }
  }

  private static final class EventTimeAssigner<E> implements SerializableTimestampAssigner<E> {
    private static final long serialVersionUID = 1L;
    private final InputProjection<E, ?> projection;

    EventTimeAssigner(InputProjection<E, ?> projection) {
      this.projection = projection;
    }

    @Override
    public long extractTimestamp(E event, long recordTimestamp) {
      return projection.eventTimeMillis(event);
    }
  }

  private static final class ProjectFunction<E, I> implements MapFunction<E, I> {
    private static final long serialVersionUID = 1L;
    private final InputProjection<E, I> projection;

    ProjectFunction(InputProjection<E, I> projection) {
      this.projection = projection;
    }

    @Override
    public I map(E event) {
      return projection.project(event);
    }
  }
}
