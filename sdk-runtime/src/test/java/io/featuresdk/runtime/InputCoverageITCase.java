package io.featuresdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.FeatureRecord;
import io.featuresdk.runtime.testing.Click;
import io.featuresdk.runtime.testing.ClickFeatureGroup;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickFeaturesCodec;
import io.featuresdk.runtime.testing.ClickOracle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.io.DecoderFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link FeaturePipeline#withInputCoverage} on a MiniCluster, both window modes: a bounded input
 * told its range flags exactly the windows inside the range complete, including those fired by
 * the end-of-input watermark; without it, those and each key's leading windows are incomplete.
 */
class InputCoverageITCase {
  private static final WindowSpec SLIDING = WindowSpec.sliding(Duration.ofSeconds(4), Duration.ofSeconds(2));
  private static final long FROM = 10_000;
  private static final long UNTIL = 30_000;

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(1)
              .build());

  /** One click per key every 500 ms inside [FROM, UNTIL), in event-time order. */
  private static List<Click> events() {
    List<Click> events = new ArrayList<>();
    for (long t = FROM; t < UNTIL; t += 500) {
      events.add(new Click("a", t, 1));
      events.add(new Click("b", t + 250, 2));
    }
    return events;
  }

  private static Map<String, Boolean> completeFlags(WindowMode mode, boolean declared)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    FeaturePipeline<Click, ClickFeatures> pipeline =
        FeaturePipeline.of(new ClickFeatureGroup("clicks_{window}", Duration.ZERO, true, SLIDING))
            .withWindowMode(mode)
            .withPerEventWatermarks();
    if (declared) {
      pipeline.withInputCoverage(Instant.ofEpochMilli(FROM), Instant.ofEpochMilli(UNTIL));
    }
    Map<String, Boolean> flags = new TreeMap<>();
    try (CloseableIterator<FeatureRecord> records =
        pipeline
            .from(env.fromData(events(), TypeInformation.of(Click.class)))
            .records(SLIDING)
            .collectAsync()) {
      env.execute("input coverage");
      records.forEachRemaining(
          r -> {
            if (!r.provisional()) {
              flags.put(ClickOracle.id(decode(r)), r.complete());
            }
          });
    }
    return flags;
  }

  private static ClickFeatures decode(FeatureRecord record) {
    try {
      return new ClickFeaturesCodec().decode(DecoderFactory.get().binaryDecoder(record.value(), null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @EnumSource(WindowMode.class)
  void aDeclaredRangeCompletesExactlyTheWindowsInsideIt(WindowMode mode) throws Exception {
    Map<String, Boolean> want = new TreeMap<>();
    ClickOracle.rows(events(), SLIDING)
        .forEach((id, row) ->
            want.put(id, row.windowEnd - SLIDING.sizeMillis() >= FROM && row.windowEnd <= UNTIL));

    assertEquals(want, completeFlags(mode, true));
  }

  @ParameterizedTest
  @EnumSource(WindowMode.class)
  void withoutARangeLeadingAndEndOfInputWindowsAreIncomplete(WindowMode mode) throws Exception {
    long lastRealWatermark = UNTIL - 250 - 1; // the newest event, b's, minus the bound of 0, minus 1
    Map<String, Boolean> want = new TreeMap<>();
    ClickOracle.rows(events(), SLIDING)
        .forEach((id, row) ->
            // every key's first window ends at 12000 (events from 10000 on, slide 2000)
            want.put(
                id,
                row.windowEnd - SLIDING.sizeMillis() >= 12_000
                    && row.windowEnd - 1 <= lastRealWatermark));

    Map<String, Boolean> got = completeFlags(mode, false);
    assertEquals(want, got);
    assertTrue(got.containsValue(true) && got.containsValue(false));
  }

  @Test
  void aRangeThatDoesNotStartBeforeItEndsIsRejectedWithTheValues() {
    FeaturePipeline<Click, ClickFeatures> pipeline =
        FeaturePipeline.of(new ClickFeatureGroup("clicks_{window}", Duration.ZERO, true, SLIDING));
    Instant at = Instant.ofEpochMilli(FROM);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> pipeline.withInputCoverage(at, at));

    assertTrue(e.getMessage().contains(at.toString()), e.getMessage());
  }
}
