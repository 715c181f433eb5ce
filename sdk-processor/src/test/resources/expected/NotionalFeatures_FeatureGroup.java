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
 * The feature group of {@link NotionalFeatures}, computed from {@link Quote} events.
 *
 * <p>Pass {@link #instance()} to the featuresdk pipeline builder.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class NotionalFeatures_FeatureGroup implements FeatureGroupDefinition<Quote, NotionalFeatures_Input, String, NotionalFeatures_Accumulator, NotionalFeatures> {
  private static final long serialVersionUID = 1L;

  private static final NotionalFeatures_FeatureGroup INSTANCE = new NotionalFeatures_FeatureGroup();

  private static final FeatureGroupInfo INFO = new FeatureGroupInfo(
      "notional_{window}",
      1,
      "",
      true,
      List.of(
          WindowSpec.sliding(Duration.ofMillis(10_000L), Duration.ofMillis(5_000L)),
          WindowSpec.tumbling(Duration.ofMillis(10_000L)).withLabel("10s_tumbling")),
      List.of("ticker"),
      "timestamp",
      Duration.ofMillis(2_000L));

  private NotionalFeatures_FeatureGroup() {
  }

  /**
   * The definition; stateless, so one instance serves every job.
   */
  public static NotionalFeatures_FeatureGroup instance() {
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
  public Class<NotionalFeatures> rowType() {
    return NotionalFeatures.class;
  }

  @Override
  public TypeInformation<NotionalFeatures> rowTypeInfo() {
    return new GeneratedTypeInfo<>(NotionalFeatures.class, NotionalFeatures_RowSerializer::new);
  }

  @Override
  public InputProjection<Quote, NotionalFeatures_Input> projection() {
    return new Projection();
  }

  @Override
  public TypeInformation<NotionalFeatures_Input> inputType() {
    return new GeneratedTypeInfo<>(NotionalFeatures_Input.class, NotionalFeatures_InputSerializer::new);
  }

  @Override
  public KeySelector<NotionalFeatures_Input, String> keySelector() {
    return new KeyExtractor();
  }

  @Override
  public TypeInformation<String> keyType() {
    return Types.STRING;
  }

  @Override
  public FeatureAggregation<NotionalFeatures_Input, NotionalFeatures_Accumulator, NotionalFeatures> aggregation(
      ) {
    return new NotionalFeatures_Aggregation();
  }

  @Override
  public TypeInformation<NotionalFeatures_Accumulator> accumulatorType() {
    return new GeneratedTypeInfo<>(NotionalFeatures_Accumulator.class, NotionalFeatures_AccumulatorSerializer::new);
  }

  @Override
  public FeatureRowCodec<NotionalFeatures> codec() {
    return new NotionalFeatures_AvroCodec();
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
  static final class Projection implements InputProjection<Quote, NotionalFeatures_Input> {
    private static final long serialVersionUID = 1L;

    @Override
    public long eventTimeMillis(Quote event) {
      return event.timeMillis;
    }

    @Override
    public NotionalFeatures_Input project(Quote event) {
      NotionalFeatures_Input input = new NotionalFeatures_Input();
      input.product = event.product;
      input.large = NotionalFeatures.large(event);
      input.flagged = event.flagged;
      input.notional = NotionalFeatures.notional(event);
      input.buy = event.buy;
      input.size = event.size;
      input.price = event.price;
      input.eventTimeMillis = eventTimeMillis(event);
      return input;
    }
  }

  /**
   * Keys by the primary key's value.
   */
  static final class KeyExtractor implements KeySelector<NotionalFeatures_Input, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(NotionalFeatures_Input input) {
      return input.product;
    }
  }
}
