package io.featuresdk.runtime.source.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.featuresdk.runtime.source.websocket.SequenceGapTracker.Outcome;
import java.util.List;
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
  void onlyIdsDeliveredBeforeAreDuplicatesAndTheHighestDoesNotMoveBack() {
    tracker.track("A", 10);
    tracker.track("A", 11);
    assertEquals(Outcome.DUPLICATE, tracker.track("A", 11));
    assertEquals(Outcome.DUPLICATE, tracker.track("A", 10));
    assertEquals(Outcome.NEXT, tracker.track("A", 12));
    assertEquals(2, tracker.duplicates());
    assertEquals(0, tracker.gaps());
  }

  @Test
  void anOutOfOrderIdIsKeptOnceAndNoLongerCountsAsLost() {
    tracker.track("A", 10);
    assertEquals(Outcome.GAP, tracker.track("A", 13));
    assertEquals(2, tracker.lostMessages());
    assertEquals(Outcome.OUT_OF_ORDER, tracker.track("A", 11));
    assertEquals(Outcome.DUPLICATE, tracker.track("A", 11));
    assertEquals(1, tracker.lostMessages(), "12 is still missing");
    assertEquals(1, tracker.outOfOrder());
    assertEquals(Outcome.OUT_OF_ORDER, tracker.track("A", 7), "before the first id: kept");
    assertEquals(1, tracker.lostMessages(), "ids before the first were never counted as lost");
  }

  @Test
  void idsAHorizonOrMoreBelowTheHighestCountAsDelivered() {
    SequenceGapTracker small = new SequenceGapTracker(4);
    small.track("A", 100);
    small.track("A", 110);
    assertEquals(Outcome.OUT_OF_ORDER, small.track("A", 107));
    assertEquals(Outcome.DUPLICATE, small.track("A", 106));
    assertEquals(Outcome.DUPLICATE, small.track("A", 100));
  }

  @Test
  void aRestoredTrackerDropsWhatWasDeliveredAndKeepsWhatWasNot() throws Exception {
    tracker.track("A", 10);
    tracker.track("A", 12);
    tracker.track("B", 5);
    org.apache.flink.core.memory.DataOutputSerializer out = new org.apache.flink.core.memory.DataOutputSerializer(64);
    tracker.snapshot(out);
    SequenceGapTracker restored = new SequenceGapTracker();
    restored.restore(new org.apache.flink.core.memory.DataInputDeserializer(out.getCopyOfBuffer()));
    assertEquals(Outcome.DUPLICATE, restored.track("A", 10));
    assertEquals(Outcome.DUPLICATE, restored.track("A", 12));
    assertEquals(Outcome.OUT_OF_ORDER, restored.track("A", 11));
    assertEquals(Outcome.DUPLICATE, restored.track("B", 5));
    assertEquals(Outcome.NEXT, restored.track("B", 6));
    assertEquals(Outcome.FIRST, restored.track("C", 1));
  }

  @Test
  void aGapIsLoggedWithTheKeyTheIdsAndTheCount() {
    List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
    org.apache.logging.log4j.core.Logger logger = (org.apache.logging.log4j.core.Logger)
        org.apache.logging.log4j.LogManager.getLogger(SequenceGapTracker.class);
    org.apache.logging.log4j.core.Appender appender =
        new org.apache.logging.log4j.core.appender.AbstractAppender("capture", null, null, true, null) {
          @Override
          public void append(org.apache.logging.log4j.core.LogEvent event) {
            logged.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
          }
        };
    appender.start();
    logger.addAppender(appender);
    try {
      tracker.track("ETH-USD", 100);
      tracker.track("ETH-USD", 131);
    } finally {
      logger.removeAppender(appender);
    }
    assertEquals(List.of("WARN Ids of ETH-USD jumped from 100 to 131: 30 message(s) never arrived (counted in metric "
        + "lostMessages)"), logged);
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
