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

  @Test
  void serverThatNeverAcknowledgesTheSubscriptionFailsTheInputNamingTheCause() throws Exception {
    try (LocalWebSocketServer server = new LocalWebSocketServer((session, text) -> session.send("not an ack"))) {
      MessageHandoff handoff = new MessageHandoff(CAPACITY);
      WebSocketSourceConfig config = new WebSocketSourceConfig(server.uri(), List.of("subscribe"),
          Boundedness.CONTINUOUS_UNBOUNDED, CAPACITY, new ReconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(100)),
          Duration.ofSeconds(5), 65536, Duration.ZERO, message -> message.equals("ack"), Duration.ofMillis(200), null);
      try (WebSocketConnection connection = new WebSocketConnection(config, handoff, "test")) {
        connection.start();
        Throwable failure = drainUntilFailure(handoff);
        assertTrue(failure instanceof SubscriptionNotAcknowledgedException, String.valueOf(failure));
        assertTrue(failure.getMessage().contains("did not acknowledge the subscription within PT0.2S"),
            failure.getMessage());
        assertTrue(failure.getMessage().contains("(sent: subscribe)"), failure.getMessage());
      }
    }
  }

  @Test
  void acknowledgedSubscriptionIsNotFailedByTheAckTimer() throws Exception {
    java.util.concurrent.CompletableFuture<LocalWebSocketServer.Session> firstSession =
        new java.util.concurrent.CompletableFuture<>();
    try (LocalWebSocketServer server = new LocalWebSocketServer((session, text) -> {
      session.send("ack");
      firstSession.complete(session);
    })) {
      MessageHandoff handoff = new MessageHandoff(CAPACITY);
      WebSocketSourceConfig config = new WebSocketSourceConfig(server.uri(), List.of("subscribe"),
          Boundedness.BOUNDED, CAPACITY, new ReconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(100)),
          Duration.ofSeconds(5), 65536, Duration.ZERO, message -> message.equals("ack"), Duration.ofMillis(50), null);
      try (WebSocketConnection connection = new WebSocketConnection(config, handoff, "test")) {
        connection.start();
        // Keep the connection open well past the ack timeout: the timer runs on the connection's own scheduler,
        // so a scheduled task queued after it has run by the time this one completes.
        LocalWebSocketServer.Session session = firstSession.get(30, TimeUnit.SECONDS);
        awaitAckTimerPassed(connection);
        session.sendAllThenClose(List.of("after"), 1000);
        List<String> consumed = new ArrayList<>();
        while (!handoff.finished()) {
          handoff.available().get(30, TimeUnit.SECONDS);
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
        assertEquals(List.of("ack", "after"), consumed);
      }
    }
  }

  private static void awaitAckTimerPassed(WebSocketConnection connection) throws Exception {
    connection.afterScheduled(Duration.ofMillis(100)).get(30, TimeUnit.SECONDS);
  }

  private static Throwable drainUntilFailure(MessageHandoff handoff) throws Exception {
    while (true) {
      handoff.available().get(30, TimeUnit.SECONDS);
      while (handoff.poll() != null) {
        // discard
      }
      Throwable failure = handoff.failureAfterDrain();
      if (failure != null) {
        return failure;
      }
      if (handoff.finished()) {
        throw new AssertionError("input ended without the expected failure");
      }
    }
  }

  private static WebSocketSourceConfig config(LocalWebSocketServer server, String subscribe) {
    return new WebSocketSourceConfig(server.uri(), List.of(subscribe), Boundedness.BOUNDED, CAPACITY,
        new ReconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(100)), Duration.ofSeconds(5), 65536, Duration.ZERO);
  }
}
