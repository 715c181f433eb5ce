package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The Web UI's port: the requested one when free, else the next free one. */
class WebUiPortTest {
  @Test
  void aTakenPortGivesTheNextFreeOne() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int chosen = WebUiPort.choose(taken.getLocalPort());

      assertTrue(chosen > taken.getLocalPort(), "chose " + chosen + ", taken " + taken.getLocalPort());
      assertTrue(chosen < taken.getLocalPort() + WebUiPort.ATTEMPTS);
    }
  }

  @Test
  void aFreePortIsKept() throws Exception {
    int free;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      free = probe.getLocalPort();
    }

    assertEquals(free, WebUiPort.choose(free));
  }
}
