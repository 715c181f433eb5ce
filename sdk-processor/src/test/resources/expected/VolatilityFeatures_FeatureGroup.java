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
 * The feature group of {@link VolatilityFeatures}, computed from {@link Quote} events.
 *
 * <p>Pass {@link #instance()} to the featuresdk pipeline builder.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class VolatilityFeatures_FeatureGroup implements FeatureGroupDefinition<Quote, VolatilityFeatures_Input, String, VolatilityFeatures_Accumulator, VolatilityFeatures> {
  private static final long serialVersionUID = 1L;

  private static final VolatilityFeatures_FeatureGroup INSTANCE = new VolatilityFeatures_FeatureGroup();

  private static final FeatureGroupInfo INFO = new FeatureGroupInfo(
      "volatility_{window}",
      1,
      "",
      true,
      List.of(
          WindowSpec.sliding(Duration.ofMillis(10_000L), Duration.ofMillis(5_000L)),
          WindowSpec.tumbling(Duration.ofMillis(10_000L)).withLabel("10s_tumbling")),
      List.of("ticker"),
      "timestamp",
      Duration.ofMillis(2_000L));

  private VolatilityFeatures_FeatureGroup() {
  }

  /**
   * The definition; stateless, so one instance serves every job.
   */
  public static VolatilityFeatures_FeatureGroup instance() {
    return INSTANCE;
  }

  @Override
  public FeatureGroupInfo info() {
    return INFO;
  }

  @Override
  public Class<Quote> sourceType() {
    return Quote.class;
  }

  @Override
  public Class<VolatilityFeatures> rowType() {
    return VolatilityFeatures.class;
  }

  @Override
  public TypeInformation<VolatilityFeatures> rowTypeInfo() {
    return new GeneratedTypeInfo<>(VolatilityFeatures.class, VolatilityFeatures_RowSerializer::new);
  }

  @Override
  public InputProjection<Quote, VolatilityFeatures_Input> projection() {
    return new Projection();
  }

  @Override
  public TypeInformation<VolatilityFeatures_Input> inputType() {
    return new GeneratedTypeInfo<>(VolatilityFeatures_Input.class, VolatilityFeatures_InputSerializer::new);
  }

  @Override
  public KeySelector<VolatilityFeatures_Input, String> keySelector() {
    return new KeyExtractor();
  }

  @Override
  public TypeInformation<String> keyType() {
    return Types.STRING;
  }

  @Override
  public FeatureAggregation<VolatilityFeatures_Input, VolatilityFeatures_Accumulator, VolatilityFeatures> aggregation(
      ) {
    return new VolatilityFeatures_Aggregation();
  }

  @Override
  public TypeInformation<VolatilityFeatures_Accumulator> accumulatorType() {
    return new GeneratedTypeInfo<>(VolatilityFeatures_Accumulator.class, VolatilityFeatures_AccumulatorSerializer::new);
  }

  @Override
  public FeatureRowCodec<VolatilityFeatures> codec() {
    return new VolatilityFeatures_AvroCodec();
  }

  /**
   * Keeps the instance unique when Flink ships it to task managers.
   */
  private Object readResolve() {
    return INSTANCE;
  }

  /**
   * Copies what the aggregation needs out of a {@link Quote}.
   */
  static final class Projection implements InputProjection<Quote, VolatilityFeatures_Input> {
    private static final long serialVersionUID = 1L;

    @Override
    public long eventTimeMillis(Quote event) {
      return event.timeMillis;
    }

    @Override
    public VolatilityFeatures_Input project(Quote event) {
      VolatilityFeatures_Input input = new VolatilityFeatures_Input();
      input.product = event.product;
      input.price = event.price;
      input.size = event.size;
      input.eventTimeMillis = eventTimeMillis(event);
      return input;
    }
  }

  /**
   * Keys by the primary key's value.
   */
  static final class KeyExtractor implements KeySelector<VolatilityFeatures_Input, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(VolatilityFeatures_Input input) {
      return input.product;
    }
  }
}
