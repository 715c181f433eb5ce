package io.featuresdk.runtime.source.websocket;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * The bounded hand-off between Netty's I/O thread (producer, must never block) and the source's task thread
 * (consumer).
 *
 * <p><b>Back-pressure policy.</b> Nothing is dropped and the I/O thread never blocks. When the queue reaches
 * {@code capacity} messages, the producer switches the connection's socket to "not reading" (Netty
 * {@code autoRead=false}); the TCP receive window then fills and the server has to slow down (Coinbase disconnects
 * clients that fall too far behind, which the source treats as a dropped connection). Reading resumes once the
 * consumer has drained the queue to half its capacity. Frames that Netty had already decoded from the last
 * socket read when reading was paused cannot be refused; they wait in a small overflow list (bounded by one
 * socket read, i.e. the receive buffer) and move into the queue, in order, as it drains. So the queue never
 * holds more than {@code capacity} messages and total memory is bounded by {@code capacity} messages plus one
 * receive buffer.
 *
 * <p>Besides messages, the hand-off carries the end of the input: a normal end (bounded mode) or a failure.
 * Both are seen by the consumer only after every message queued before them.
 */
final class MessageHandoff {

  private static final CompletableFuture<Void> AVAILABLE = CompletableFuture.completedFuture(null);

  /**
   * Queued (compared by identity) when a connection has been opened, so that the consumer learns about new
   * connections in order with the messages.
   */
  @SuppressWarnings("StringOperationCanBeSimplified")
  static final String CONNECTED = new String("<connected>");

  private final Object lock = new Object();
  private final int capacity;
  private final int resumeAt;
  private final ArrayDeque<String> queue;
  private final ArrayDeque<String> overflow = new ArrayDeque<>();

  private CompletableFuture<Void> available = new CompletableFuture<>();
  private ReadControl pausedConnection;
  private boolean ended;
  private Throwable failure;

  private int maxDepth;
  private long pauses;
  private CompletableFuture<Void> pausedOrEnded = new CompletableFuture<>();

  MessageHandoff(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("queue capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.resumeAt = capacity / 2;
    this.queue = new ArrayDeque<>(capacity);
  }

  /** Producer side, on the I/O thread: never blocks. */
  void offer(String message, ReadControl connection) {
    CompletableFuture<Void> toComplete;
    CompletableFuture<Void> pausedSignal = null;
    synchronized (lock) {
      if (queue.size() < capacity && overflow.isEmpty()) {
        queue.add(message);
        maxDepth = Math.max(maxDepth, queue.size());
      } else {
        overflow.add(message);
      }
      if (queue.size() >= capacity && pausedConnection != connection) {
        pausedConnection = connection;
        pauses++;
        connection.pauseReading();
        pausedSignal = pausedOrEnded;
      }
      toComplete = available;
    }
    toComplete.complete(null);
    if (pausedSignal != null) {
      pausedSignal.complete(null);
    }
  }

  /** Producer side: the input ended normally (bounded mode); the consumer sees it after the queued messages. */
  void endOfInput() {
    signalEnd(null);
  }

  /** Producer side: the input failed; the consumer sees {@code cause} after the queued messages. */
  void fail(Throwable cause) {
    signalEnd(cause);
  }

  private void signalEnd(Throwable cause) {
    CompletableFuture<Void> toComplete;
    CompletableFuture<Void> endSignal;
    synchronized (lock) {
      if (ended || failure != null) {
        return;
      }
      if (cause == null) {
        ended = true;
      } else {
        failure = cause;
      }
      toComplete = available;
      endSignal = pausedOrEnded;
    }
    toComplete.complete(null);
    endSignal.complete(null);
  }

  /** Consumer side: the next message, or {@code null} if none is queued right now. */
  String poll() {
    synchronized (lock) {
      String message = queue.poll();
      if (message == null) {
        return null;
      }
      while (!overflow.isEmpty() && queue.size() < capacity) {
        queue.add(overflow.poll());
      }
      if (pausedConnection != null && overflow.isEmpty() && queue.size() <= resumeAt) {
        ReadControl resume = pausedConnection;
        pausedConnection = null;
        pausedOrEnded = new CompletableFuture<>();
        resume.resumeReading();
      }
      return message;
    }
  }

  /** Consumer side: a future that is complete when {@link #poll()} has a message or the input has ended. */
  CompletableFuture<Void> available() {
    synchronized (lock) {
      if (!queue.isEmpty() || ended || failure != null) {
        return AVAILABLE;
      }
      if (available.isDone()) {
        available = new CompletableFuture<>();
      }
      return available;
    }
  }

  /** True once the input ended normally and every message has been polled. */
  boolean finished() {
    synchronized (lock) {
      return ended && queue.isEmpty();
    }
  }

  /** The failure to report once every message before it has been polled, else {@code null}. */
  Throwable failureAfterDrain() {
    synchronized (lock) {
      return queue.isEmpty() ? failure : null;
    }
  }

  /**
   * Wakes up a consumer waiting on {@link #available()} without adding a message, e.g. when the source gets its
   * no-more-splits signal.
   */
  void wakeUp() {
    CompletableFuture<Void> toComplete;
    synchronized (lock) {
      toComplete = available;
    }
    toComplete.complete(null);
  }

  int depth() {
    synchronized (lock) {
      return queue.size();
    }
  }

  int capacity() {
    return capacity;
  }

  /** The largest number of messages the queue ever held; never above {@link #capacity()}. */
  int maxDepth() {
    synchronized (lock) {
      return maxDepth;
    }
  }

  /** How often reading was paused because the queue was full. */
  long pauses() {
    synchronized (lock) {
      return pauses;
    }
  }

  /** Completes when reading is paused (queue full) or the input ended. For tests of the back-pressure policy. */
  CompletableFuture<Void> pausedOrEnded() {
    synchronized (lock) {
      if (pausedConnection != null || ended || failure != null) {
        return AVAILABLE;
      }
      return pausedOrEnded;
    }
  }
}
