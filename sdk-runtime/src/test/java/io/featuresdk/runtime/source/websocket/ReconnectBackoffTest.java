package io.featuresdk.runtime.source.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

  private final ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(5));

  @Test
  void ceilingDoublesPerAttemptUpToTheCap() {
    assertEquals(Duration.ofMillis(100), backoff.ceiling(1));
    assertEquals(Duration.ofMillis(200), backoff.ceiling(2));
    assertEquals(Duration.ofMillis(3200), backoff.ceiling(6));
    assertEquals(Duration.ofSeconds(5), backoff.ceiling(7));
    assertEquals(Duration.ofSeconds(5), backoff.ceiling(1000));
  }

  @Test
  void delayIsJitteredWithinTheCeiling() {
    for (int attempt = 1; attempt < 50; attempt++) {
      Duration delay = backoff.delay(attempt);
      assertTrue(!delay.isNegative() && delay.compareTo(backoff.ceiling(attempt)) <= 0, delay + " at " + attempt);
    }
  }

  @Test
  void rejectsAMaximumBelowTheInitialDelay() {
    assertThrows(IllegalArgumentException.class,
        () -> new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }
}
