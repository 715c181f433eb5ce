package io.featuresdk.runtime.source.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.api.connector.source.Boundedness;
import org.junit.jupiter.api.Test;

/** The connection and its hand-off against a real local server, without Flink. */
class WebSocketConnectionTest {

  private static final int CAPACITY = 16;
  private static final List<String> MESSAGES =
      IntStream.range(0, 3000).mapToObj(i -> "{\"n\":" + i + ",\"pad\":\"" + "x".repeat(60) + "\"}")
          .collect(Collectors.toList());

  @Test
  void slowConsumerNeverSeesMoreThanCapacityQueuedAndLosesNothing() throws Exception {
    try (LocalWebSocketServer server = new LocalWebSocketServer(
        (session, text) -> session.sendAllThenClose(MESSAGES, 1000))) {
      MessageHandoff handoff = new MessageHandoff(CAPACITY);
      List<String> consumed = new ArrayList<>();
      try (WebSocketConnection connection = new WebSocketConnection(config(server, "subscribe"), handoff, "test")) {
        connection.start();
        // The slowest possible consumer: it takes nothing until the socket has been paused (or the input ended),
        // then drains what is there and waits for the next pause.
        while (!handoff.finished()) {
          handoff.pausedOrEnded().get(30, TimeUnit.SECONDS);
          assertTrue(handoff.depth() <= CAPACITY, "queue depth " + handoff.depth());
          String message;
          while ((message = handoff.poll()) != null) {
            if (message != MessageHandoff.CONNECTED) {
              consumed.add(message);
            }
          }
          if (handoff.failureAfterDrain() != null) {
            throw new AssertionError(handoff.failureAfterDrain());
          }
        }
      }
      assertEquals(MESSAGES, consumed);
      assertTrue(handoff.maxDepth() <= CAPACITY, "max depth " + handoff.maxDepth());
      assertTrue(handoff.pauses() >= 1, "reading was never paused");
      assertEquals(List.of("subscribe"), server.received());
    }
  }

  private static WebSocketSourceConfig config(LocalWebSocketServer server, String subscribe) {
    return new WebSocketSourceConfig(server.uri(), List.of(subscribe), Boundedness.BOUNDED, CAPACITY,
        new ReconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(100)), Duration.ofSeconds(5), 65536, Duration.ZERO);
  }
}
