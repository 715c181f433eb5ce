package io.featuresdk.runtime.source.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class MessageHandoffTest {

  private static final class CountingReadControl implements ReadControl {
    int pauses;
    int resumes;

    @Override
    public void pauseReading() {
      pauses++;
    }

    @Override
    public void resumeReading() {
      resumes++;
    }
  }

  @Test
  void pausesReadingWhenFullAndNeverHoldsMoreThanCapacityInTheQueue() {
    MessageHandoff handoff = new MessageHandoff(4);
    CountingReadControl connection = new CountingReadControl();
    for (int i = 0; i < 3; i++) {
      handoff.offer("m" + i, connection);
    }
    assertEquals(0, connection.pauses);
    handoff.offer("m3", connection);
    assertEquals(1, connection.pauses);
    // frames already decoded from the last socket read still arrive; they wait in the overflow
    handoff.offer("m4", connection);
    handoff.offer("m5", connection);
    assertEquals(1, connection.pauses, "a paused connection is paused once");
    assertEquals(4, handoff.depth());
    assertEquals(4, handoff.maxDepth());
  }

  @Test
  void resumesReadingAtHalfCapacityAndKeepsOrder() {
    MessageHandoff handoff = new MessageHandoff(4);
    CountingReadControl connection = new CountingReadControl();
    for (int i = 0; i < 6; i++) {
      handoff.offer("m" + i, connection);
    }
    List<String> polled = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      polled.add(handoff.poll());
    }
    assertEquals(0, connection.resumes, "overflow not yet drained into the queue");
    polled.add(handoff.poll());
    assertEquals(1, connection.resumes);
    String next;
    while ((next = handoff.poll()) != null) {
      polled.add(next);
    }
    assertEquals(List.of("m0", "m1", "m2", "m3", "m4", "m5"), polled);
  }

  @Test
  void availabilityFutureCompletesWhenAMessageArrives() {
    MessageHandoff handoff = new MessageHandoff(4);
    CompletableFuture<Void> available = handoff.available();
    assertFalse(available.isDone());
    handoff.offer("m", ReadControl.NONE);
    assertTrue(available.isDone());
    assertTrue(handoff.available().isDone());
    assertEquals("m", handoff.poll());
    assertFalse(handoff.available().isDone());
  }

  @Test
  void endOfInputIsSeenOnlyAfterTheQueuedMessages() {
    MessageHandoff handoff = new MessageHandoff(4);
    handoff.offer("last", ReadControl.NONE);
    handoff.endOfInput();
    assertFalse(handoff.finished());
    assertEquals("last", handoff.poll());
    assertTrue(handoff.finished());
    assertTrue(handoff.available().isDone());
  }

  @Test
  void failureIsReportedOnlyAfterTheQueuedMessages() {
    MessageHandoff handoff = new MessageHandoff(4);
    IOException failure = new IOException("dropped");
    handoff.offer("last", ReadControl.NONE);
    handoff.fail(failure);
    assertNull(handoff.failureAfterDrain());
    assertEquals("last", handoff.poll());
    assertSame(failure, handoff.failureAfterDrain());
  }

  @Test
  void aNewConnectionIsPausedEvenIfTheQueueFilledUpUnderTheOldOne() {
    MessageHandoff handoff = new MessageHandoff(2);
    CountingReadControl old = new CountingReadControl();
    CountingReadControl reconnected = new CountingReadControl();
    handoff.offer("a", old);
    handoff.offer("b", old);
    handoff.offer("c", reconnected);
    assertEquals(1, old.pauses);
    assertEquals(1, reconnected.pauses);
  }
}
