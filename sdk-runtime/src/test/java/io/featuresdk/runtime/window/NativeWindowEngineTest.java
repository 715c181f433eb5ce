package io.featuresdk.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.testing.ClickFeatureGroup;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickInput;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The window operator the native engine builds, driven record by record with a test harness. */
class NativeWindowEngineTest {
  private static final WindowSpec SLIDING = WindowSpec.sliding(Duration.ofSeconds(4), Duration.ofSeconds(2));
  private static final ClickFeatureGroup GROUP =
      new ClickFeatureGroup("clicks_{window}", Duration.ofSeconds(1), true, SLIDING);

  private static final String NAME = WindowHarnesses.name(SLIDING);

  private static KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> harness()
      throws Exception {
    var harness = WindowHarnesses.harness(GROUP, WindowHarnesses.nativeOperator(GROUP, SLIDING));
    harness.open();
    return harness;
  }

  private static String describe(List<ClickFeatures> records) {
    // rows of one watermark have no defined order across keys
    return String.join(",", records.stream()
        .map(r -> r.user + "@" + r.windowEnd + "#" + r.count + "=" + r.sum)
        .sorted()
        .toList());
  }

  @Test
  void eachWindowEmitsOnceWhenTheWatermarkPassesItsEndWithEventTimeTheEnd() throws Exception {
    try (var harness = harness()) {
      harness.processElement(new StreamRecord<>(new ClickInput("a", 1), 1_000));
      harness.processElement(new StreamRecord<>(new ClickInput("a", 2), 2_500));
      harness.processWatermark(1_999); // the last timestamp of [-2000, 2000): it fires now
      assertEquals("a@2000#1=1.0", describe(WindowHarnesses.rows(harness, NAME)));

      harness.processWatermark(3_998);
      assertEquals("a@2000#1=1.0", describe(WindowHarnesses.rows(harness, NAME)));
      harness.processWatermark(3_999);
      assertEquals("a@2000#1=1.0,a@4000#2=3.0", describe(WindowHarnesses.rows(harness, NAME)));

      harness.processWatermark(100_000); // [2000, 6000) holds 2500; later windows are empty
      assertEquals("a@2000#1=1.0,a@4000#2=3.0,a@6000#1=2.0",
          describe(WindowHarnesses.rows(harness, NAME)));
      List<ClickFeatures> out = WindowHarnesses.rows(harness, NAME);
      assertEquals(List.of(1_999L, 3_999L, 5_999L),
          WindowHarnesses.records(harness, NAME).stream().map(StreamRecord::getTimestamp).toList(),
          "rows carry their window's end - 1, as the WindowEngine contract says");
      assertTrue(out.stream().allMatch(r -> r.user.equals("a")));
    }
  }

  @Test
  void eventsWhoseWindowsAllFiredGoToTheLateSideOutput() throws Exception {
    try (var harness = harness()) {
      harness.processElement(new StreamRecord<>(new ClickInput("a", 1), 5_000));
      harness.processWatermark(5_999);
      // windows ending 2000 and 4000, both fired: late
      harness.processElement(new StreamRecord<>(new ClickInput("b", 7), 1_500));
      // windows ending 4000 and 6000; 6000 fired at watermark 5999 too: late
      harness.processElement(new StreamRecord<>(new ClickInput("b", 8), 3_000));
      // windows ending 6000 (fired) and 8000 (open): counts in 8000 only, not late
      harness.processElement(new StreamRecord<>(new ClickInput("b", 9), 4_500));
      harness.processWatermark(100_000);

      assertEquals("a@6000#1=1.0,a@8000#1=1.0,b@8000#1=9.0",
          describe(WindowHarnesses.rows(harness, NAME)));
      var late = harness.getSideOutput(new org.apache.flink.util.OutputTag<>(
          NAME + "-late", TypeInformation.of(ClickInput.class)));
      assertEquals(2, late.size());
    }
  }

  /**
   * Across a restore (watermark from the minimum again, fired windows' state gone) the native
   * engine never emits a key's window twice, nor any window ending before the key's last emitted
   * one; unlike the sliced engine, it accepts an event for a later window that was empty for its
   * key when the checkpointed watermark passed it.
   */
  @Test
  void aRestoredNativeOperatorEmitsNoWindowTwiceButReopensLaterWindowsThatWereEmptyForTheKey()
      throws Exception {
    OperatorSubtaskState checkpoint;
    try (var harness =
        WindowHarnesses.harness(GROUP, WindowHarnesses.nativeOperator(GROUP, SLIDING))) {
      harness.open();
      harness.processElement(new StreamRecord<>(new ClickInput("a", 1), 1_000));
      harness.processElement(new StreamRecord<>(new ClickInput("b", 1), 5_000));
      harness.processWatermark(5_999);
      assertEquals("a@2000#1=1.0,a@4000#1=1.0,b@6000#1=1.0", describe(WindowHarnesses.rows(harness, NAME)));
      checkpoint = harness.snapshot(1, 1);
    }
    try (var harness =
        WindowHarnesses.harness(GROUP, WindowHarnesses.nativeOperator(GROUP, SLIDING))) {
      harness.initializeState(checkpoint);
      harness.open();
      // stragglers of fired windows (a@2000, a@4000, b@6000) and of b@4000, which ends before b's
      // last emitted window: none of these windows is emitted again
      harness.processElement(new StreamRecord<>(new ClickInput("a", 2), 1_500));
      harness.processElement(new StreamRecord<>(new ClickInput("b", 3), 3_500));
      // a@6000 was empty for a and after its last emitted window: it opens again (sliced: late)
      harness.processElement(new StreamRecord<>(new ClickInput("a", 4), 4_500));
      harness.processWatermark(100_000);
      assertEquals(
          "a@6000#1=4.0,a@8000#1=4.0,b@8000#1=1.0", describe(WindowHarnesses.rows(harness, NAME)));
    }
  }
}
