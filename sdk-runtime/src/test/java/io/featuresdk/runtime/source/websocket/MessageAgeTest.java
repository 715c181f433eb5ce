package io.featuresdk.runtime.source.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

public class MessageAgeTest {

  /** A clock the test moves by hand. */
  public static final class ManualClock extends Clock {
    private Instant now;

    public ManualClock(Instant start) {
      this.now = start;
    }

    public void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void isMinusOneBeforeTheFirstMessage() {
    assertEquals(-1, new MessageAge(new ManualClock(Instant.EPOCH)).ageMillis());
  }

  @Test
  void growsWithTheClockAndResetsOnEachMessage() {
    ManualClock clock = new ManualClock(Instant.parse("2026-11-23T12:00:00Z"));
    MessageAge age = new MessageAge(clock);
    age.received();
    assertEquals(0, age.ageMillis());
    clock.advance(Duration.ofMillis(1500));
    assertEquals(1500, age.ageMillis());
    age.received();
    clock.advance(Duration.ofMillis(20));
    assertEquals(20, age.ageMillis());
  }
}
