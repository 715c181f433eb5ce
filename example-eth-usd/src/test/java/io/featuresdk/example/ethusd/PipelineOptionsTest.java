package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
