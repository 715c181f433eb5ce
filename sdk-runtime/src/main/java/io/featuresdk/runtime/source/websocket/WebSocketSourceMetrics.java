package io.featuresdk.runtime.source.websocket;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * The reader's metrics, registered under the source reader's metric group:
 * <ul>
 *   <li>{@code messagesReceived}: text messages taken from the connection (counter);</li>
 *   <li>{@code parseErrors.<kind>}: malformed messages skipped, per {@link MalformedMessageException#kind()}
 *       (counters);</li>
 *   <li>{@code reconnects}: successful re-opens after the first connection (gauge);</li>
 *   <li>{@code idleDisconnects}: connections closed because nothing arrived within the idle timeout (gauge);</li>
 *   <li>{@code queueDepth}: messages waiting in the hand-off queue (gauge);</li>
 *   <li>{@code readPauses}: how often reading was paused because the queue was full (gauge);</li>
 *   <li>{@code lastMessageAgeMillis}: milliseconds since the connection last delivered a message, -1 before the
 *       first (gauge; alert on it rather than on message rates, which a quiet market also lowers).</li>
 * </ul>
 * Sequence gaps, lost messages, duplicates and out-of-order messages are counted by the parser (see {@link SequenceGapTracker}), which
 * registers them in the same group. Updated on the task thread only, except the gauges, which read thread-safe
 * sources.
 */
final class WebSocketSourceMetrics {

  static final String MESSAGES_RECEIVED = "messagesReceived";
  static final String PARSE_ERRORS = "parseErrors";
  static final String RECONNECTS = "reconnects";
  static final String IDLE_DISCONNECTS = "idleDisconnects";
  static final String QUEUE_DEPTH = "queueDepth";
  static final String READ_PAUSES = "readPauses";
  static final String LAST_MESSAGE_AGE = "lastMessageAgeMillis";

  private final Counter messagesReceived;
  private final MetricGroup parseErrorGroup;
  private final Map<String, Counter> parseErrors = new HashMap<>();

  WebSocketSourceMetrics(MetricGroup group, MessageHandoff handoff, LongSupplier reconnects,
      LongSupplier idleDisconnects, MessageAge age) {
    this.messagesReceived = group.counter(MESSAGES_RECEIVED);
    this.parseErrorGroup = group.addGroup(PARSE_ERRORS);
    group.<Long, Gauge<Long>>gauge(RECONNECTS, reconnects::getAsLong);
    group.<Long, Gauge<Long>>gauge(IDLE_DISCONNECTS, idleDisconnects::getAsLong);
    group.<Integer, Gauge<Integer>>gauge(QUEUE_DEPTH, handoff::depth);
    group.<Long, Gauge<Long>>gauge(READ_PAUSES, handoff::pauses);
    group.<Long, Gauge<Long>>gauge(LAST_MESSAGE_AGE, age::ageMillis);
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
