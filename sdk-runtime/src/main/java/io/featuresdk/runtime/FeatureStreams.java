package io.featuresdk.runtime;

import io.featuresdk.runtime.spi.FeatureGroupDefinition;
import io.featuresdk.runtime.spi.FeatureGroupInfo;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.FeatureRecord;
import io.featuresdk.runtime.store.FeatureRecordTypeInfo;
import io.featuresdk.runtime.store.FeatureStore;
import io.featuresdk.runtime.window.FeatureRecordEncoder;
import io.featuresdk.runtime.window.ProvisionalRecordEncoder;
import io.featuresdk.runtime.window.RowKind;
import io.featuresdk.runtime.window.WindowEngine;
import io.featuresdk.runtime.window.WindowRows;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The feature rows of one feature class, one stream per declared window; each window is its own
 * feature group ({@code eth_usd_price_5m}, {@code eth_usd_price_10m}, ...). A window's operators
 * are added to the job the first time one of its streams is asked for, and only once (in the
 * default sliced mode one operator computes all windows, so it is added with the first window).
 * The window operators emit typed rows ({@link #rows}), complete and truncated ones on separate
 * streams ({@link RowKind}); {@link #records} encodes both for the stores in operators chained
 * behind, flagged {@link FeatureRecord#complete()}, so asking for both computes each window once.
 *
 * <pre>{@code
 * FeatureStreams<PriceFeatures> features = FeaturePipeline.of(PriceFeatures_FeatureGroup.instance()).from(ticks);
 * features.insertStream(FeatureStores.local(Path.of("feature-store")));   // every window
 * features.rows(features.windows().get(0)).sinkTo(mySink);              // or your own sink
 * }</pre>
 *
 * @param <R> the feature row type
 */
public final class FeatureStreams<R> {
  private final FeaturePipeline.Keyed<?, ?, ?, ?, R> keyed;
  private final WindowEngine engine;
  private final String uidPrefix;
  private final Map<WindowSpec, WindowRows<R>> rows = new HashMap<>();
  private final Map<WindowSpec, DataStream<FeatureRecord>> records = new HashMap<>();

  FeatureStreams(FeaturePipeline.Keyed<?, ?, ?, ?, R> keyed, WindowEngine engine, String uidPrefix) {
    this.keyed = keyed;
    this.engine = engine;
    this.uidPrefix = uidPrefix;
  }

  /** The declared windows, in declaration order. */
  public List<WindowSpec> windows() {
    return info().windows();
  }

  /** The feature group name of {@code window}, e.g. {@code eth_usd_price_5m}. */
  public String groupName(WindowSpec window) {
    return info().groupName(checkDeclared(window));
  }

  /** The group of {@code window} as a feature store registers it. */
  public FeatureGroupTarget target(WindowSpec window) {
    FeatureGroupInfo info = info();
    String name = groupName(window);
    return new FeatureGroupTarget(
        name,
        info.version(),
        keyed.definition.codec().schema(name, info.version()).toString(),
        info.primaryKey(),
        info.eventTimeFeature(),
        info.online(),
        info.description());
  }

  /**
   * The encoded rows of {@code window}'s group, ready for any {@link FeatureStore}: every row, each
   * flagged {@link FeatureRecord#complete()} and {@link FeatureRecord#provisional()} by its {@link
   * RowKind}; offline stores keep only the complete ones.
   */
  public DataStream<FeatureRecord> records(WindowSpec window) {
    checkDeclared(window);
    return records.computeIfAbsent(window, this::encode);
  }

  /**
   * The typed rows of {@code window}'s complete windows (see {@link RowKind#COMPLETE}), for your
   * own sinks; shorthand for {@code rows(window, RowKind.COMPLETE)}.
   */
  public DataStream<R> rows(WindowSpec window) {
    return rows(window, RowKind.COMPLETE);
  }

  /**
   * The typed rows of kind {@code kind} of {@code window}'s group, for your own sinks, straight from
   * the window operator: no Avro round trip, and serialized between operators by a generated
   * serializer (never Kryo or reflection), so they work with {@code disableGenericTypes()} whatever
   * the row class's field visibility. {@link RowKind#TRUNCATED} rows are those of windows cut by
   * where the input started or ended.
   */
  public DataStream<R> rows(WindowSpec window, RowKind kind) {
    checkDeclared(window);
    Objects.requireNonNull(kind, "kind");
    return windowRows(window).of(kind);
  }

  /** All row streams of {@code window}, building the window operator on first use. */
  private WindowRows<R> windowRows(WindowSpec window) {
    WindowRows<R> windowRows = rows.get(window);
    if (windowRows == null) {
      if (engine.sharesWindows()) {
        rows.putAll(allWindowRows(keyed));
      } else {
        rows.put(window, windowRows(keyed, window));
      }
      windowRows = rows.get(window);
    }
    return windowRows;
  }

  /** Writes every window into its own feature group of {@code store}. */
  public void insertStream(FeatureStore store) {
    for (WindowSpec window : windows()) {
      store.insertStream(target(window), records(window));
    }
  }

  private <I, K, A> Map<WindowSpec, WindowRows<R>> allWindowRows(
      FeaturePipeline.Keyed<?, I, K, A, R> keyed) {
    @SuppressWarnings("unchecked")
    FeatureGroupDefinition<?, I, K, A, R> definition =
        (FeatureGroupDefinition<?, I, K, A, R>) keyed.definition;
    List<String> names = windows().stream().map(this::groupName).toList();
    return engine.windows(keyed.stream, definition, windows(), names, uidPrefix);
  }

  private <I, K, A> WindowRows<R> windowRows(
      FeaturePipeline.Keyed<?, I, K, A, R> keyed, WindowSpec window) {
    @SuppressWarnings("unchecked")
    FeatureGroupDefinition<?, I, K, A, R> definition =
        (FeatureGroupDefinition<?, I, K, A, R>) keyed.definition;
    String name = groupName(window);
    return engine.window(keyed.stream, definition, window, name, uidPrefix + "/" + name);
  }

  private DataStream<FeatureRecord> encode(WindowSpec window) {
    String name = groupName(window);
    DataStream<FeatureRecord> all = null;
    for (RowKind kind : RowKind.values()) {
      SingleOutputStreamOperator<FeatureRecord> encoded =
          kind.isFinal()
              ? rows(window, kind).process(finalEncoder(kind), FeatureRecordTypeInfo.INSTANCE)
              : windowRows(window)
                  .provisionalWithArrival()
                  .process(
                      new ProvisionalRecordEncoder<>(keyed.definition.codec(), window.slideMillis()),
                      FeatureRecordTypeInfo.INSTANCE);
      encoded
          .name(name + " " + kind.name().toLowerCase() + " records")
          .uid(uidPrefix + "/" + name + "/records/" + kind.name().toLowerCase());
      all = all == null ? encoded : all.union(encoded);
    }
    return all;
  }

  private FeatureRecordEncoder<R> finalEncoder(RowKind kind) {
    return kind == RowKind.EMPTY
        ? FeatureRecordEncoder.empty(keyed.definition.codec())
        : new FeatureRecordEncoder<>(keyed.definition.codec(), kind.complete());
  }

  private FeatureGroupInfo info() {
    return keyed.definition.info();
  }

  private WindowSpec checkDeclared(WindowSpec window) {
    if (!info().windows().contains(window)) {
      throw new IllegalArgumentException(
          window + " is not a window of feature group " + info().nameTemplate()
              + "; declared: " + info().windows());
    }
    return window;
  }
}
