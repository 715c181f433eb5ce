package io.featuresdk.example.ethusd;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks the port of the Flink Web UI of a {@code java -jar} run before Flink binds it, so that the
 * address can be printed at start: the requested port, or the next free one when another program
 * (another run, a Flink cluster) has it. Flink binds it a moment later; a program that takes it in
 * between makes the run fail with Flink's bind error.
 */
final class WebUiPort {
  /** How many ports after the requested one are tried. */
  static final int ATTEMPTS = 100;

  private WebUiPort() {}

  /**
   * The first free port from {@code requested} on, or any free port for 0.
   *
   * @throws IllegalStateException if none of them is free
   */
  static int choose(int requested) {
    if (requested == 0) {
      return freeOrMinus(0);
    }
    for (int port = requested; port < requested + ATTEMPTS && port <= 65535; port++) {
      if (freeOrMinus(port) > 0) {
        return port;
      }
    }
    throw new IllegalStateException("no free port for the Flink Web UI from " + requested + " to "
        + (requested + ATTEMPTS - 1) + "; choose another with --web-ui-port");
  }

  private static int freeOrMinus(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException taken) {
      return -1;
    }
  }
}
