package io.featuresdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.FeatureStores;
import io.featuresdk.runtime.testing.Click;
import io.featuresdk.runtime.testing.ClickFeatureGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad configuration fails while the job graph is built, before anything runs. */
class FeaturePipelineConfigTest {
  private static final WindowSpec SLIDING = WindowSpec.sliding(Duration.ofSeconds(10), Duration.ofSeconds(2));
  private static final WindowSpec TUMBLING = WindowSpec.tumbling(Duration.ofSeconds(6));

  @TempDir Path tmp;

  private static DataStream<Click> clicks(StreamExecutionEnvironment env) {
    return env.fromData(List.of(new Click("a", 1, 1)), TypeInformation.of(Click.class));
  }

  private static ClickFeatureGroup group(String name, WindowSpec... windows) {
    return new ClickFeatureGroup(name, Duration.ofSeconds(1), true, windows);
  }

  @Test
  void insertStreamFailsWhenCheckpointingIsDisabledAndSaysHowToEnableIt() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    FeatureStreams<?> streams = FeaturePipeline.of(group("clicks_{window}", SLIDING)).from(clicks(env));
    Path root = tmp.resolve("store");

    IllegalStateException e =
        assertThrows(IllegalStateException.class,
            () -> streams.insertStream(FeatureStores.local(root)));

    assertTrue(e.getMessage().contains("env.enableCheckpointing"), e.getMessage());
    assertFalse(Files.exists(root), "nothing is written before the configuration is valid");
  }

  @Test
  void emptyWindowRowsInNativeModeFailAndNameTheFix() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    FeaturePipeline<Click, ?> pipeline =
        FeaturePipeline.of(group("clicks_{window}", SLIDING))
            .withWindowMode(WindowMode.NATIVE)
            .withEmptyWindowRows(true);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> pipeline.from(clicks(env)));

    assertTrue(e.getMessage().contains("WindowMode.SLICED"), e.getMessage());
  }

  @Test
  void allowedLatenessMustNotBeNegativeAndNeedsSlicedMode() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class,
            () -> FeaturePipeline.of(group("clicks_{window}", SLIDING)).withAllowedLateness(Duration.ofSeconds(-1)));
    assertTrue(negative.getMessage().contains("Duration.ZERO"), negative.getMessage());

    FeaturePipeline<Click, ?> nativeMode =
        FeaturePipeline.of(group("clicks_{window}", SLIDING))
            .withWindowMode(WindowMode.NATIVE)
            .withEmptyWindowRows(false)
            .withAllowedLateness(Duration.ofSeconds(5));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> nativeMode.from(clicks(env)));
    assertTrue(e.getMessage().contains("WindowMode.SLICED"), e.getMessage());
  }

  @Test
  void groupNamesOutsideLowercaseLettersDigitsAndUnderscoreAreRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> FeaturePipeline.of(group("Clicks-{window}", SLIDING)));

    assertTrue(e.getMessage().contains("'Clicks-10s'"), e.getMessage());
    assertTrue(e.getMessage().contains("lowercase letters"), e.getMessage());
  }

  @Test
  void severalWindowsNeedTheWindowPlaceholderInTheName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> FeaturePipeline.of(group("clicks", SLIDING, TUMBLING)));

    assertTrue(e.getMessage().contains("{window}"), e.getMessage());
  }

  @Test
  void insertStreamFailsWhenTheStoreRootIsAFile() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(1_000);
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    FeatureStreams<?> streams = FeaturePipeline.of(group("clicks_{window}", SLIDING)).from(clicks(env));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> streams.insertStream(FeatureStores.local(file)));

    assertTrue(e.getMessage().contains("is a file, not a directory"), e.getMessage());
  }

  @Test
  void undeclaredWindowsAreRejected() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    FeatureStreams<?> streams = FeaturePipeline.of(group("clicks_{window}", SLIDING)).from(clicks(env));

    assertThrows(IllegalArgumentException.class, () -> streams.records(TUMBLING));
  }

  @Test
  void nativeModeGivesEveryWindowNamedOperatorsWithStableUidsAddedOnlyOnce() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(1_000);
    FeatureStreams<?> streams =
        FeaturePipeline.of(group("clicks_{window}", SLIDING, TUMBLING))
            .withWindowMode(WindowMode.NATIVE)
            .from(clicks(env));

    assertSame(streams.records(SLIDING), streams.records(SLIDING));
    streams.insertStream(FeatureStores.local(tmp));

    StreamGraph graph = env.getStreamGraph();
    Set<String> names = operatorNames(graph);
    for (String expected :
        List.of("clicks_10s window", "clicks_10s late events", "clicks_6s window",
            "clicks_6s late events", "clicks_{window} projection")) {
      assertTrue(names.contains(expected), expected + " in " + names);
    }
    assertEquals(1, names.stream().filter(n -> n.equals("clicks_10s window")).count());
    assertTrue(uids(graph).contains("featuresdk/clicks_{window}/v1/clicks_10s/window"),
        uids(graph).toString());
  }

  @Test
  void slicedModeIsTheDefaultAndComputesAllWindowsInOneOperatorAddedOnlyOnce() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(1_000);
    FeatureStreams<?> streams =
        FeaturePipeline.of(group("clicks_{window}", SLIDING, TUMBLING)).from(clicks(env));

    assertSame(streams.records(SLIDING), streams.records(SLIDING));
    streams.records(TUMBLING);
    streams.insertStream(FeatureStores.local(tmp));

    StreamGraph graph = env.getStreamGraph();
    List<String> windowOperators =
        graph.getStreamNodes().stream()
            .map(StreamNode::getOperatorName)
            .filter(n -> n.endsWith(" window") || n.endsWith(" windows"))
            .toList();
    assertEquals(List.of("clicks_{window} windows"), windowOperators);
    assertTrue(uids(graph).contains("featuresdk/clicks_{window}/v1/sliced/windows"),
        uids(graph).toString());
  }

  private static Set<String> operatorNames(StreamGraph graph) {
    return graph.getStreamNodes().stream().map(StreamNode::getOperatorName).collect(Collectors.toSet());
  }

  private static Set<String> uids(StreamGraph graph) {
    return graph.getStreamNodes().stream()
        .map(StreamNode::getTransformationUID)
        .filter(java.util.Objects::nonNull)
        .collect(Collectors.toSet());
  }
}
