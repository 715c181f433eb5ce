package io.featuresdk.runtime.source.websocket;

import java.time.Clock;

/**
 * How long ago the connection last delivered a message, for the {@code lastMessageAgeMillis} gauge: the one
 * number that tells a quiet market from a stuck source. Written on the I/O thread, read by the metric reporter.
 */
final class MessageAge {
  private final Clock clock;
  private volatile long lastMillis = -1;

  MessageAge(Clock clock) {
    this.clock = clock;
  }

  void received() {
    lastMillis = clock.millis();
  }

  /** Milliseconds since the last message, or -1 before the first one. */
  long ageMillis() {
    long last = lastMillis;
    return last < 0 ? -1 : Math.max(0, clock.millis() - last);
  }
}
