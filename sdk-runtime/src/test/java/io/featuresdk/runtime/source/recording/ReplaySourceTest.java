package io.featuresdk.runtime.source.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.flink.api.connector.source.Boundedness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplaySourceTest {

  @Test
  void isBounded(@TempDir Path dir) {
    assertEquals(Boundedness.BOUNDED,
        ReplaySource.of(dir, new ReplaySourceITCase.EchoParser(), String.class).getBoundedness());
  }

  @Test
  void aMissingDirectoryIsReportedWithHowToRecord(@TempDir Path dir) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReplaySource.of(dir.resolve("nope"), new ReplaySourceITCase.EchoParser(), String.class));
    assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("record"), e.getMessage());
  }
}
