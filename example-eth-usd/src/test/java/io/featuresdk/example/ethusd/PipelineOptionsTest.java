package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PipelineOptionsTest {

  @Test
  void defaultsRecordNothingAndReplayNothing() {
    PipelineOptions options = PipelineOptions.parse(new String[0]);
    assertNull(options.record());
    assertNull(options.replay());
  }

  @Test
  void recordAndReplayTakeDirectories() {
    assertEquals(Path.of("rec"), PipelineOptions.parse(new String[] {"--live", "--record", "rec"}).record());
    assertEquals(Path.of("rec"), PipelineOptions.parse(new String[] {"--replay", "rec"}).replay());
  }

  @Test
  void replayCannotBeCombinedWithALiveFeedOrRecording() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PipelineOptions.parse(new String[] {"--replay", "a", "--live"}));
    assertTrue(e.getMessage().contains("--replay"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> PipelineOptions.parse(new String[] {"--replay", "a", "--record", "b"}));
  }

  @Test
  void recordNeedsAValue() {
    assertThrows(IllegalArgumentException.class, () -> PipelineOptions.parse(new String[] {"--record"}));
  }

  @Test
  void checkpointsLiveInTheStoreUnlessGivenAndResumeUnlessFresh() {
    PipelineOptions defaults = PipelineOptions.parse(new String[] {"--store", "s"});
    assertEquals(Path.of("s", "checkpoints"), defaults.checkpoints());
    assertFalse(defaults.fresh());
    assertEquals(EthUsdFeaturePipeline.CHECKPOINT_INTERVAL, defaults.checkpointInterval());
    PipelineOptions given = PipelineOptions.parse(
        new String[] {"--checkpoints", "c", "--fresh", "--checkpoint-interval", "2"});
    assertEquals(Path.of("c"), given.checkpoints());
    assertTrue(given.fresh());
    assertEquals(java.time.Duration.ofSeconds(2), given.checkpointInterval());
    assertThrows(IllegalArgumentException.class,
        () -> PipelineOptions.parse(new String[] {"--checkpoint-interval", "0"}));
  }

  @Test
  void hoursOutsideOneToAYearAreRefusedNamingTheOption() {
    for (String hours : new String[] {"0", "-1", "2147483647", String.valueOf(PipelineOptions.MAX_HOURS + 1), "x"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> PipelineOptions.parse(new String[] {"--hours", hours}));
      assertTrue(e.getMessage().startsWith("--hours must be a whole number from 1 to "), e.getMessage());
    }
    assertEquals(PipelineOptions.MAX_HOURS,
        PipelineOptions.parse(new String[] {"--hours", String.valueOf(PipelineOptions.MAX_HOURS)}).offlineSpan().toHours());
  }
}
