package io.featuresdk.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.featuresdk.runtime.FeaturePipeline;
import io.featuresdk.runtime.WindowMode;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.testing.Click;
import io.featuresdk.runtime.testing.ClickFeatureGroup;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The late-event count reaches the caller of {@code env.execute()} through {@link LateEvents#in}. */
class LateEventsITCase {
  private static final long T0 = 1_700_000_000_000L;

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(1)
              .build());

  @ParameterizedTest
  @EnumSource(WindowMode.class)
  void theJobResultCarriesTheNumberOfLateEvents(WindowMode mode) throws Exception {
    // One 10 s tumbling window, 1 s bound: once an event at T0 + 25 s arrived, the watermark is past
    // T0 + 10 s, so the two later events inside [T0, T0 + 10 s) are late; the last one is not.
    List<Click> events =
        List.of(
            new Click("a", T0 + 1_000, 1),
            new Click("b", T0 + 2_000, 5),
            new Click("a", T0 + 25_000, 2),
            new Click("a", T0 + 5_000, 100),
            new Click("b", T0 + 3_000, 100),
            new Click("a", T0 + 24_500, 3));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    FeaturePipeline.of(
            new ClickFeatureGroup(
                "late_{window}", Duration.ofSeconds(1), true, WindowSpec.tumbling(Duration.ofSeconds(10))))
        .withPerEventWatermarks()
        .withWindowMode(mode)
        .from(env.fromData(events, TypeInformation.of(Click.class)))
        .records(WindowSpec.tumbling(Duration.ofSeconds(10)))
        .sinkTo(new DiscardingSink<>());

    JobExecutionResult result = env.execute("late events");

    assertEquals(2, LateEvents.in(result));
  }
}
