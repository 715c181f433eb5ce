package io.featuresdk.runtime.testing;

import io.featuresdk.runtime.spi.FeatureAggregation;
import io.featuresdk.runtime.spi.FeatureGroupDefinition;
import io.featuresdk.runtime.spi.FeatureGroupInfo;
import io.featuresdk.runtime.spi.FeatureRowCodec;
import io.featuresdk.runtime.spi.GeneratedTypeInfo;
import io.featuresdk.runtime.spi.InputProjection;
import io.featuresdk.runtime.spi.WindowSpec;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * A hand-written {@link FeatureGroupDefinition}, standing in for what the annotation processor
 * generates for a class like
 *
 * <pre>{@code
 * @FeatureGroup(name = "clicks_{window}", version = 1, source = Click.class, eventTime = "timeMillis")
 * class ClickFeatures { @PrimaryKey String user; @WindowEnd long windowEnd; @Count long count;
 *                       @Sum("amount") double sum; @Min("amount") double min; @Max("amount") double max; }
 * }</pre>
 */
public final class ClickFeatureGroup
    implements FeatureGroupDefinition<Click, ClickInput, String, ClickAccumulator, ClickFeatures> {
  private static final long serialVersionUID = 1L;

  private final FeatureGroupInfo info;

  public ClickFeatureGroup(
      String nameTemplate, Duration maxOutOfOrderness, boolean online, WindowSpec... windows) {
    this.info =
        new FeatureGroupInfo(
            nameTemplate,
            1,
            "clicks per user",
            online,
            List.of(windows),
            List.of("user"),
            "window_end",
            maxOutOfOrderness);
  }

  @Override
  public FeatureGroupInfo info() {
    return info;
  }

  @Override
  public Class<Click> sourceType() {
    return Click.class;
  }

  @Override
  public Class<ClickFeatures> rowType() {
    return ClickFeatures.class;
  }

  @Override
  public TypeInformation<ClickFeatures> rowTypeInfo() {
    return Types.POJO(ClickFeatures.class);
  }

  @Override
  public InputProjection<Click, ClickInput> projection() {
    return new Projection();
  }

  @Override
  public TypeInformation<ClickInput> inputType() {
    return new GeneratedTypeInfo<>(ClickInput.class, ClickInputSerializer::new);
  }

  @Override
  public KeySelector<ClickInput, String> keySelector() {
    return new UserKey();
  }

  @Override
  public TypeInformation<String> keyType() {
    return Types.STRING;
  }

  @Override
  public FeatureAggregation<ClickInput, ClickAccumulator, ClickFeatures> aggregation() {
    return new ClickAggregation();
  }

  @Override
  public TypeInformation<ClickAccumulator> accumulatorType() {
    return new GeneratedTypeInfo<>(ClickAccumulator.class, ClickAccumulatorSerializer::new);
  }

  @Override
  public FeatureRowCodec<ClickFeatures> codec() {
    return new ClickFeaturesCodec();
  }

  private static final class Projection implements InputProjection<Click, ClickInput> {
    private static final long serialVersionUID = 1L;

    @Override
    public long eventTimeMillis(Click event) {
      return event.timeMillis;
    }

    @Override
    public ClickInput project(Click event) {
      return new ClickInput(event.user, event.amount);
    }
  }

  private static final class UserKey implements KeySelector<ClickInput, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(ClickInput input) {
      return input.user;
    }
  }
}
