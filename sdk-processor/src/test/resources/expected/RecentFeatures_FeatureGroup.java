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
 * The feature group of {@link RecentFeatures}, computed from {@link Quote} events.
 *
 * <p>Pass {@link #instance()} to the featuresdk pipeline builder.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class RecentFeatures_FeatureGroup implements FeatureGroupDefinition<Quote, RecentFeatures_Input, String, RecentFeatures_Accumulator, RecentFeatures> {
  private static final long serialVersionUID = 1L;

  private static final RecentFeatures_FeatureGroup INSTANCE = new RecentFeatures_FeatureGroup();

  private static final FeatureGroupInfo INFO = new FeatureGroupInfo(
      "recent_{window}",
      1,
      "",
      true,
      List.of(
          WindowSpec.sliding(Duration.ofMillis(10_000L), Duration.ofMillis(5_000L)),
          WindowSpec.tumbling(Duration.ofMillis(10_000L)).withLabel("10s_tumbling")),
      List.of("ticker"),
      "timestamp",
      Duration.ofMillis(2_000L));

  private RecentFeatures_FeatureGroup() {
  }

  /**
   * The definition; stateless, so one instance serves every job.
   */
  public static RecentFeatures_FeatureGroup instance() {
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
  public Class<RecentFeatures> rowType() {
    return RecentFeatures.class;
  }

  @Override
  public TypeInformation<RecentFeatures> rowTypeInfo() {
    return new GeneratedTypeInfo<>(RecentFeatures.class, RecentFeatures_RowSerializer::new);
  }

  @Override
  public InputProjection<Quote, RecentFeatures_Input> projection() {
    return new Projection();
  }

  @Override
  public TypeInformation<RecentFeatures_Input> inputType() {
    return new GeneratedTypeInfo<>(RecentFeatures_Input.class, RecentFeatures_InputSerializer::new);
  }

  @Override
  public KeySelector<RecentFeatures_Input, String> keySelector() {
    return new KeyExtractor();
  }

  @Override
  public TypeInformation<String> keyType() {
    return Types.STRING;
  }

  @Override
  public FeatureAggregation<RecentFeatures_Input, RecentFeatures_Accumulator, RecentFeatures> aggregation(
      ) {
    return new RecentFeatures_Aggregation();
  }

  @Override
  public TypeInformation<RecentFeatures_Accumulator> accumulatorType() {
    return new GeneratedTypeInfo<>(RecentFeatures_Accumulator.class, RecentFeatures_AccumulatorSerializer::new);
  }

  @Override
  public FeatureRowCodec<RecentFeatures> codec() {
    return new RecentFeatures_AvroCodec();
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
  static final class Projection implements InputProjection<Quote, RecentFeatures_Input> {
    private static final long serialVersionUID = 1L;

    @Override
    public long eventTimeMillis(Quote event) {
      return event.timeMillis;
    }

    @Override
    public RecentFeatures_Input project(Quote event) {
      RecentFeatures_Input input = new RecentFeatures_Input();
      input.product = event.product;
      input.price = event.price;
      input.size = event.size;
      input.priceBand = RecentFeatures.priceBand(event);
      input.priceMod7 = RecentFeatures.priceMod7(event);
      input.buy = event.buy;
      input.priceAsFloat = RecentFeatures.priceAsFloat(event);
      input.priceBucket = RecentFeatures.priceBucket(event);
      input.eventTimeMillis = eventTimeMillis(event);
      return input;
    }
  }

  /**
   * Keys by the primary key's value.
   */
  static final class KeyExtractor implements KeySelector<RecentFeatures_Input, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(RecentFeatures_Input input) {
      return input.product;
    }
  }
}
