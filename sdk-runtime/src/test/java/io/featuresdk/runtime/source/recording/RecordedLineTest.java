package io.featuresdk.runtime.source.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordedLineTest {

  @Test
  void anyMessageSurvivesEncodeAndDecodeOnOneLine() {
    for (String message : List.of("{\"type\":\"ticker\",\"price\":\"1.5\"}", "", "line\nbreak\r\n\ttab",
        "quote \" backslash \\ slash /", "\u0000\u0001\u001f control", "ünïcödé € 𝄞", "\u2028\u2029",
        "{\"truncated\":")) {
      String encoded = RecordedLine.message(1_763_891_052_345_678L, message).encode();
      assertFalse(encoded.contains("\n") || encoded.contains("\r") || encoded.contains("\u2028"), encoded);
      RecordedLine decoded = RecordedLine.decode(encoded);
      assertEquals(message, decoded.message());
      assertEquals(1_763_891_052_345_678L, decoded.receivedMicros());
    }
  }

  @Test
  void connectionMarkerRoundTrips() {
    RecordedLine decoded = RecordedLine.decode(RecordedLine.connected(42).encode());
    assertTrue(decoded.isConnected());
    assertEquals(42, decoded.receivedMicros());
  }

  @Test
  void cutOffOrForeignLinesAreRejected() {
    String full = RecordedLine.message(1, "{\"a\":1}").encode();
    for (int cut = 0; cut < full.length(); cut++) {
      String partial = full.substring(0, cut);
      assertThrows(IllegalArgumentException.class, () -> RecordedLine.decode(partial), partial);
    }
    assertThrows(IllegalArgumentException.class, () -> RecordedLine.decode("{\"type\":\"ticker\"}"));
  }
}
