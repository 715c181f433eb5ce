package test;

import io.featuresdk.runtime.spi.FeatureAggregation;
import io.featuresdk.runtime.spi.FeatureGroupDefinition;
import io.featuresdk.runtime.spi.FeatureGroupInfo;
import io.featuresdk.runtime.spi.FeatureRowCodec;
import io.featuresdk.runtime.spi.GeneratedTypeInfo;
import io.featuresdk.runtime.spi.InputProjection;
import io.featuresdk.runtime.spi.WindowSpec;
import java.time.Duration;
import java.util.List;
import javax.annotation.processing.Generated;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * The feature group of {@link TradeFeatures}, computed from {@link Trade} events.
 *
 * <p>Pass {@link #instance()} to the featuresdk pipeline builder.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class TradeFeatures_FeatureGroup implements FeatureGroupDefinition<Trade, TradeFeatures_Input, String, TradeFeatures_Accumulator, TradeFeatures> {
  private static final long serialVersionUID = 1L;

  private static final TradeFeatures_FeatureGroup INSTANCE = new TradeFeatures_FeatureGroup();

  private static final FeatureGroupInfo INFO = new FeatureGroupInfo(
      "trades_{window}",
      2,
      "",
      false,
      List.of(
          WindowSpec.tumbling(Duration.ofMillis(3_600_000L))),
      List.of("venue", "symbol"),
      "window_end",
      Duration.ofMillis(0L));

  private TradeFeatures_FeatureGroup() {
  }

  /**
   * The definition; stateless, so one instance serves every job.
   */
  public static TradeFeatures_FeatureGroup instance() {
    return INSTANCE;
  }

  @Override
  public FeatureGroupInfo info() {
    return INFO;
  }

  @Override
  public Class<Trade> sourceType() {
    return Trade.class;
  }

  @Override
  public Class<TradeFeatures> rowType() {
    return TradeFeatures.class;
  }

  @Override
  public TypeInformation<TradeFeatures> rowTypeInfo() {
    return new GeneratedTypeInfo<>(TradeFeatures.class, TradeFeatures_RowSerializer::new);
  }

  @Override
  public InputProjection<Trade, TradeFeatures_Input> projection() {
    return new Projection();
  }

  @Override
  public TypeInformation<TradeFeatures_Input> inputType() {
    return new GeneratedTypeInfo<>(TradeFeatures_Input.class, TradeFeatures_InputSerializer::new);
  }

  @Override
  public KeySelector<TradeFeatures_Input, String> keySelector() {
    return new KeyExtractor();
  }

  @Override
  public TypeInformation<String> keyType() {
    return Types.STRING;
  }

  @Override
  public FeatureAggregation<TradeFeatures_Input, TradeFeatures_Accumulator, TradeFeatures> aggregation(
      ) {
    return new TradeFeatures_Aggregation();
  }

  @Override
  public TypeInformation<TradeFeatures_Accumulator> accumulatorType() {
    return new GeneratedTypeInfo<>(TradeFeatures_Accumulator.class, TradeFeatures_AccumulatorSerializer::new);
  }

  @Override
  public FeatureRowCodec<TradeFeatures> codec() {
    return new TradeFeatures_AvroCodec();
  }

  /**
   * Keeps the instance unique when Flink ships it to task managers.
   */
  private Object readResolve() {
    return INSTANCE;
  }

  /**
   * Copies what the aggregation needs out of a {@link Trade}.
   */
  static final class Projection implements InputProjection<Trade, TradeFeatures_Input> {
    private static final long serialVersionUID = 1L;

    @Override
    public long eventTimeMillis(Trade event) {
      return event.tsMillis();
    }

    @Override
    public TradeFeatures_Input project(Trade event) {
      TradeFeatures_Input input = new TradeFeatures_Input();
      input.venue = event.venue();
      input.symbolId = event.symbolId();
      input.qty = event.qty();
      input.notional = event.notional();
      input.side = event.side();
      input.eventTimeMillis = eventTimeMillis(event);
      return input;
    }
  }

  /**
   * Keys by all primary keys, each written as length, ':' and text, so distinct key tuples never collide.
   */
  static final class KeyExtractor implements KeySelector<TradeFeatures_Input, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(TradeFeatures_Input input) {
      StringBuilder key = new StringBuilder();
      append(key, input.venue);
      append(key, String.valueOf(input.symbolId));
      return key.toString();
    }

    private static void append(StringBuilder key, String part) {
      if (part == null) {
        key.append("-;");
      } else {
        key.append(part.length()).append(':').append(part);
      }
    }
  }
}
