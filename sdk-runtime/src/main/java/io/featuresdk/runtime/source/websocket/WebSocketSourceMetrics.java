package io.featuresdk.runtime.source.websocket;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * The reader's metrics, registered under the source reader's metric group:
 * <ul>
 *   <li>{@code messagesReceived}: text messages taken from the connection (counter);</li>
 *   <li>{@code parseErrors.<kind>}: malformed messages skipped, per {@link MalformedMessageException#kind()}
 *       (counters);</li>
 *   <li>{@code reconnects}: successful re-opens after the first connection (gauge);</li>
 *   <li>{@code queueDepth}: messages waiting in the hand-off queue (gauge);</li>
 *   <li>{@code readPauses}: how often reading was paused because the queue was full (gauge).</li>
 * </ul>
 * Updated on the task thread only, except the gauges, which read thread-safe sources.
 */
final class WebSocketSourceMetrics {

  static final String MESSAGES_RECEIVED = "messagesReceived";
  static final String PARSE_ERRORS = "parseErrors";
  static final String RECONNECTS = "reconnects";
  static final String QUEUE_DEPTH = "queueDepth";
  static final String READ_PAUSES = "readPauses";

  private final Counter messagesReceived;
  private final MetricGroup parseErrorGroup;
  private final Map<String, Counter> parseErrors = new HashMap<>();

  WebSocketSourceMetrics(MetricGroup group, MessageHandoff handoff, LongSupplier reconnects) {
    this.messagesReceived = group.counter(MESSAGES_RECEIVED);
    this.parseErrorGroup = group.addGroup(PARSE_ERRORS);
    group.<Long, org.apache.flink.metrics.Gauge<Long>>gauge(RECONNECTS, reconnects::getAsLong);
    group.<Integer, org.apache.flink.metrics.Gauge<Integer>>gauge(QUEUE_DEPTH, handoff::depth);
    group.<Long, org.apache.flink.metrics.Gauge<Long>>gauge(READ_PAUSES, handoff::pauses);
  }

  void messageReceived() {
    messagesReceived.inc();
  }

  /** Counts a malformed message; returns true if it is the first of its kind. */
  boolean malformed(String kind) {
    Counter counter = parseErrors.get(kind);
    boolean first = counter == null;
    if (first) {
      counter = parseErrorGroup.counter(kind);
      parseErrors.put(kind, counter);
    }
    counter.inc();
    return first;
  }
}
