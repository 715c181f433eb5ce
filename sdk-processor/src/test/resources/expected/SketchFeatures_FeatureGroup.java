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
 * The feature group of {@link SketchFeatures}, computed from {@link Quote} events.
 *
 * <p>Pass {@link #instance()} to the featuresdk pipeline builder.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class SketchFeatures_FeatureGroup implements FeatureGroupDefinition<Quote, SketchFeatures_Input, String, SketchFeatures_Accumulator, SketchFeatures> {
  private static final long serialVersionUID = 1L;

  private static final SketchFeatures_FeatureGroup INSTANCE = new SketchFeatures_FeatureGroup();

  private static final FeatureGroupInfo INFO = new FeatureGroupInfo(
      "sketches_{window}",
      1,
      "",
      true,
      List.of(
          WindowSpec.sliding(Duration.ofMillis(10_000L), Duration.ofMillis(5_000L)),
          WindowSpec.tumbling(Duration.ofMillis(10_000L)).withLabel("10s_tumbling")),
      List.of("ticker"),
      "timestamp",
      Duration.ofMillis(2_000L));

  private SketchFeatures_FeatureGroup() {
  }

  /**
   * The definition; stateless, so one instance serves every job.
   */
  public static SketchFeatures_FeatureGroup instance() {
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
  public Class<SketchFeatures> rowType() {
    return SketchFeatures.class;
  }

  @Override
  public TypeInformation<SketchFeatures> rowTypeInfo() {
    return new GeneratedTypeInfo<>(SketchFeatures.class, SketchFeatures_RowSerializer::new);
  }

  @Override
  public InputProjection<Quote, SketchFeatures_Input> projection() {
    return new Projection();
  }

  @Override
  public TypeInformation<SketchFeatures_Input> inputType() {
    return new GeneratedTypeInfo<>(SketchFeatures_Input.class, SketchFeatures_InputSerializer::new);
  }

  @Override
  public KeySelector<SketchFeatures_Input, String> keySelector() {
    return new KeyExtractor();
  }

  @Override
  public TypeInformation<String> keyType() {
    return Types.STRING;
  }

  @Override
  public FeatureAggregation<SketchFeatures_Input, SketchFeatures_Accumulator, SketchFeatures> aggregation(
      ) {
    return new SketchFeatures_Aggregation();
  }

  @Override
  public TypeInformation<SketchFeatures_Accumulator> accumulatorType() {
    return new GeneratedTypeInfo<>(SketchFeatures_Accumulator.class, SketchFeatures_AccumulatorSerializer::new);
  }

  @Override
  public FeatureRowCodec<SketchFeatures> codec() {
    return new SketchFeatures_AvroCodec();
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
  static final class Projection implements InputProjection<Quote, SketchFeatures_Input> {
    private static final long serialVersionUID = 1L;

    @Override
    public long eventTimeMillis(Quote event) {
      return event.timeMillis;
    }

    @Override
    public SketchFeatures_Input project(Quote event) {
      SketchFeatures_Input input = new SketchFeatures_Input();
      input.product = event.product;
      input.price = event.price;
      input.size = event.size;
      input.buy = event.buy;
      input.eventTimeMillis = eventTimeMillis(event);
      return input;
    }
  }

  /**
   * Keys by the primary key's value.
   */
  static final class KeyExtractor implements KeySelector<SketchFeatures_Input, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(SketchFeatures_Input input) {
      return input.product;
    }
  }
}
