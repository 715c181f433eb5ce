package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The options of the progress line, the Flink Web UI and the store page. */
class MonitorOptionsTest {
  @Test
  void defaultsAndTheRestLeftForThePipelineOptions() {
    MonitorOptions options = MonitorOptions.parse(List.of("--hours", "2"));

    assertEquals(new MonitorOptions(false, 8081, false, 8090, List.of("--hours", "2")), options);
  }

  @Test
  void parsesItsOwnOptions() {
    MonitorOptions options = MonitorOptions.parse(
        List.of("--quiet", "--web-ui-port", "0", "--store", "s", "--ui", "--ui-port", "9000"));

    assertEquals(new MonitorOptions(true, 0, true, 9000, List.of("--store", "s")), options);
  }

  @Test
  void badPortsAndAUiPortWithoutUiAreRefused() {
    IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
        () -> MonitorOptions.parse(List.of("--web-ui-port", "http")));
    IllegalArgumentException uiPort = assertThrows(IllegalArgumentException.class,
        () -> MonitorOptions.parse(List.of("--ui-port", "9000")));

    assertTrue(port.getMessage().contains("--web-ui-port must be a port number from 0 to 65535"), port.getMessage());
    assertTrue(uiPort.getMessage().contains("--ui-port goes with --ui"), uiPort.getMessage());
  }
}
