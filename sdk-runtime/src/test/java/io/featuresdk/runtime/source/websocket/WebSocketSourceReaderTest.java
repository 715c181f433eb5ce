package io.featuresdk.runtime.source.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Failures of a {@link WebSocketSourceReader} keep their kind: fatal stays fatal. */
class WebSocketSourceReaderTest {

  @Test
  void aFatalMessageIsThrownAsAFatalMessageExceptionNotWrappedIntoARecoverableOne() throws Exception {
    WebSocketMessageParser<String> parser = (message, out) -> {
      throw new FatalMessageException("rejected: " + message);
    };
    try (LocalWebSocketServer server = new LocalWebSocketServer(
        (session, text) -> session.sendAllThenClose(List.of("no"), 1000))) {
      WebSocketSourceReader<String> reader =
          new WebSocketSourceReader<>(new ReaderHarness.Context(), ReaderHarness.boundedConfig(server.uri(), "s"),
              parser);
      try {
        reader.start();
        reader.addSplits(List.of(WebSocketSplit.single()));
        ReaderHarness.CollectingOutput output = new ReaderHarness.CollectingOutput();
        FatalMessageException e = assertThrows(FatalMessageException.class, () -> {
          while (true) {
            ReaderHarness.pollOnce(reader, output);
          }
        });
        assertEquals(FatalMessageException.class, e.getClass());
        assertTrue(e.getMessage().contains("rejected: no") && e.getMessage().contains(server.uri().toString()),
            e.getMessage());
      } finally {
        reader.close();
      }
    }
  }

  @Test
  void aParserCanFailABoundedInputThatEndedWithoutWhatItWasOwed() throws Exception {
    WebSocketMessageParser<String> parser = new WebSocketMessageParser<>() {
      @Override
      public void parse(String message, org.apache.flink.util.Collector<String> out) {
        out.collect(message);
      }

      @Override
      public void onEndOfInput() throws FatalMessageException {
        throw new FatalMessageException("no acknowledgement followed the error");
      }
    };
    try (LocalWebSocketServer server = new LocalWebSocketServer(
        (session, text) -> session.sendAllThenClose(List.of("a"), 1000))) {
      WebSocketSourceReader<String> reader =
          new WebSocketSourceReader<>(new ReaderHarness.Context(), ReaderHarness.boundedConfig(server.uri(), "s"),
              parser);
      try {
        reader.start();
        reader.addSplits(List.of(WebSocketSplit.single()));
        ReaderHarness.CollectingOutput output = new ReaderHarness.CollectingOutput();
        FatalMessageException e = assertThrows(FatalMessageException.class, () -> {
          while (true) {
            ReaderHarness.pollOnce(reader, output);
          }
        });
        assertEquals("no acknowledgement followed the error", e.getMessage());
        assertEquals(List.of("a"), output.records);
      } finally {
        reader.close();
      }
    }
  }

  @Test
  void withoutAnAcknowledgementTheParsersOwnReasonIsTheFailure() throws Exception {
    WebSocketMessageParser<String> parser = new WebSocketMessageParser<>() {
      private String error;

      @Override
      public void parse(String message, org.apache.flink.util.Collector<String> out) {
        error = message;
      }

      @Override
      public void onEndOfInput() throws FatalMessageException {
        throw new FatalMessageException("the server said: " + error);
      }
    };
    try (LocalWebSocketServer server = new LocalWebSocketServer((session, text) -> session.send("bad product"))) {
      WebSocketSourceConfig config = new WebSocketSourceConfig(server.uri(), List.of("s"),
          org.apache.flink.api.connector.source.Boundedness.CONTINUOUS_UNBOUNDED, 10,
          new ReconnectBackoff(java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(200)),
          java.time.Duration.ofSeconds(10), 64 * 1024, java.time.Duration.ZERO, message -> message.equals("ack"),
          java.time.Duration.ofMillis(300), null);
      WebSocketSourceReader<String> reader = new WebSocketSourceReader<>(new ReaderHarness.Context(), config, parser);
      try {
        reader.start();
        reader.addSplits(List.of(WebSocketSplit.single()));
        ReaderHarness.CollectingOutput output = new ReaderHarness.CollectingOutput();
        FatalMessageException e = assertThrows(FatalMessageException.class, () -> {
          while (true) {
            ReaderHarness.pollOnce(reader, output);
          }
        });
        assertEquals("the server said: bad product", e.getMessage());
      } finally {
        reader.close();
      }
    }
  }

  @Test
  void aPositionThisBuildCannotReadIsFatalAndNamesTheFix() throws Exception {
    WebSocketMessageParser<String> parser = new WebSocketMessageParser<>() {
      @Override
      public void parse(String message, org.apache.flink.util.Collector<String> out) {}

      @Override
      public void restoreState(int version, byte[] state) throws java.io.IOException {
        throw new java.io.IOException("unknown state version " + version);
      }
    };
    WebSocketSourceReader<String> reader = new WebSocketSourceReader<>(new ReaderHarness.Context(),
        ReaderHarness.boundedConfig(java.net.URI.create("ws://127.0.0.1:9/"), "s"), parser);
    try {
      reader.addSplits(List.of(WebSocketSplit.single().withParserState(7, new byte[] {1})));
      FatalMessageException e = assertThrows(FatalMessageException.class,
          () -> reader.pollNext(new ReaderHarness.CollectingOutput()));
      assertTrue(e.getMessage().contains("unknown state version 7")
          && e.getMessage().contains("Restore with the build that wrote the checkpoint"), e.getMessage());
    } finally {
      reader.close();
    }
  }
}
