package io.featuresdk.runtime.source.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.featuresdk.runtime.source.websocket.SequenceGapTracker.Outcome;
import org.junit.jupiter.api.Test;

class SequenceGapTrackerTest {

  private final SequenceGapTracker tracker = new SequenceGapTracker();

  @Test
  void contiguousSequencesHaveNoGaps() {
    assertEquals(Outcome.FIRST, tracker.track("A", 10));
    assertEquals(Outcome.NEXT, tracker.track("A", 11));
    assertEquals(Outcome.NEXT, tracker.track("A", 12));
    assertEquals(0, tracker.gaps());
    assertEquals(0, tracker.lostMessages());
  }

  @Test
  void aJumpIsOneGapOfTheSkippedNumbers() {
    tracker.track("A", 10);
    assertEquals(Outcome.GAP, tracker.track("A", 14));
    assertEquals(Outcome.GAP, tracker.track("A", 16));
    assertEquals(2, tracker.gaps());
    assertEquals(3 + 1, tracker.lostMessages());
  }

  @Test
  void repeatedOrOlderSequencesAreDuplicatesAndDoNotMoveTheLastBack() {
    tracker.track("A", 10);
    tracker.track("A", 11);
    assertEquals(Outcome.DUPLICATE, tracker.track("A", 11));
    assertEquals(Outcome.DUPLICATE, tracker.track("A", 5));
    assertEquals(Outcome.NEXT, tracker.track("A", 12));
    assertEquals(2, tracker.duplicates());
    assertEquals(0, tracker.gaps());
  }

  @Test
  void keysAreTrackedIndependently() {
    tracker.track("A", 100);
    assertEquals(Outcome.FIRST, tracker.track("B", 5));
    assertEquals(Outcome.NEXT, tracker.track("B", 6));
    assertEquals(Outcome.NEXT, tracker.track("A", 101));
    assertEquals(0, tracker.gaps() + tracker.duplicates());
  }

  @Test
  void sequencesNearTheTopOf64BitsDoNotOverflow() {
    tracker.track("A", Long.MAX_VALUE - 3);
    assertEquals(Outcome.GAP, tracker.track("A", Long.MAX_VALUE));
    assertEquals(2, tracker.lostMessages());
  }
}
