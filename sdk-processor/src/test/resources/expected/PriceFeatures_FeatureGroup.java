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
 * The feature group of {@link PriceFeatures}, computed from {@link Ticker} events.
 *
 * <p>Pass {@link #instance()} to the featuresdk pipeline builder.
 */
@Generated("io.featuresdk.processor.FeatureGroupProcessor")
public final class PriceFeatures_FeatureGroup implements FeatureGroupDefinition<Ticker, PriceFeatures_Input, String, PriceFeatures_Accumulator, PriceFeatures> {
  private static final long serialVersionUID = 1L;

  private static final PriceFeatures_FeatureGroup INSTANCE = new PriceFeatures_FeatureGroup();

  private static final FeatureGroupInfo INFO = new FeatureGroupInfo(
      "eth_usd_price_{window}",
      1,
      "ETH-USD price over sliding windows",
      true,
      List.of(
          WindowSpec.sliding(Duration.ofMillis(300_000L), Duration.ofMillis(60_000L)),
          WindowSpec.sliding(Duration.ofMillis(600_000L), Duration.ofMillis(60_000L)),
          WindowSpec.sliding(Duration.ofMillis(3_600_000L), Duration.ofMillis(60_000L))),
      List.of("ticker"),
      "timestamp",
      Duration.ofMillis(30_000L));

  private PriceFeatures_FeatureGroup() {
  }

  /**
   * The definition; stateless, so one instance serves every job.
   */
  public static PriceFeatures_FeatureGroup instance() {
    return INSTANCE;
  }

  @Override
  public FeatureGroupInfo info() {
    return INFO;
  }

  @Override
  public Class<Ticker> sourceType() {
    return Ticker.class;
  }

  @Override
  public Class<PriceFeatures> rowType() {
    return PriceFeatures.class;
  }

  @Override
  public TypeInformation<PriceFeatures> rowTypeInfo() {
    return new GeneratedTypeInfo<>(PriceFeatures.class, PriceFeatures_RowSerializer::new);
  }

  @Override
  public InputProjection<Ticker, PriceFeatures_Input> projection() {
    return new Projection();
  }

  @Override
  public TypeInformation<PriceFeatures_Input> inputType() {
    return new GeneratedTypeInfo<>(PriceFeatures_Input.class, PriceFeatures_InputSerializer::new);
  }

  @Override
  public KeySelector<PriceFeatures_Input, String> keySelector() {
    return new KeyExtractor();
  }

  @Override
  public TypeInformation<String> keyType() {
    return Types.STRING;
  }

  @Override
  public FeatureAggregation<PriceFeatures_Input, PriceFeatures_Accumulator, PriceFeatures> aggregation(
      ) {
    return new PriceFeatures_Aggregation();
  }

  @Override
  public TypeInformation<PriceFeatures_Accumulator> accumulatorType() {
    return new GeneratedTypeInfo<>(PriceFeatures_Accumulator.class, PriceFeatures_AccumulatorSerializer::new);
  }

  @Override
  public FeatureRowCodec<PriceFeatures> codec() {
    return new PriceFeatures_AvroCodec();
  }

  /**
   * Keeps the instance unique when Flink ships it to task managers.
   */
  private Object readResolve() {
    return INSTANCE;
  }

  /**
   * Copies what the aggregation needs out of a {@link Ticker}.
   */
  static final class Projection implements InputProjection<Ticker, PriceFeatures_Input> {
    private static final long serialVersionUID = 1L;

    @Override
    public long eventTimeMillis(Ticker event) {
      return event.getTime().toEpochMilli();
    }

    @Override
    public PriceFeatures_Input project(Ticker event) {
      PriceFeatures_Input input = new PriceFeatures_Input();
      input.productId = event.getProductId();
      input.price = event.getPrice();
      input.lastSize = event.getLastSize();
      input.eventTimeMillis = eventTimeMillis(event);
      return input;
    }
  }

  /**
   * Keys by the primary key's value.
   */
  static final class KeyExtractor implements KeySelector<PriceFeatures_Input, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(PriceFeatures_Input input) {
      return input.productId;
    }
  }
}
