package io.featuresdk.runtime.source.websocket;

import java.io.Serializable;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.Collector;

/**
 * Turns one WebSocket text message into zero or more records.
 *
 * <p>The parser runs on the source's task thread, once per message and in arrival order, so it may keep
 * per-connection state (for example the last sequence number per product). It is shipped to the task managers
 * with the job, hence {@link Serializable}.
 *
 * <p>Three outcomes besides emitting records:
 * <ul>
 *   <li>emit nothing: control messages such as acknowledgements and heartbeats;</li>
 *   <li>throw {@link MalformedMessageException}: the message is skipped, counted under its
 *       {@linkplain MalformedMessageException#kind() kind} and logged once per kind;</li>
 *   <li>throw {@link FatalMessageException}: the server told us something that retrying cannot fix
 *       (for example a rejected subscription); the job fails with that reason.</li>
 * </ul>
 *
 * <pre>{@code
 * WebSocketMessageParser<String> upperCase = (message, out) -> {
 *   if (message.isBlank()) throw new MalformedMessageException("blank", "empty message");
 *   out.collect(message.toUpperCase(Locale.ROOT));
 * };
 * }</pre>
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface WebSocketMessageParser<T> extends Serializable {

  /**
   * Parses one complete text message (fragments are already aggregated).
   *
   * @param message the payload of one text frame
   * @param out receives the records, in order; may receive none
   * @throws MalformedMessageException if the message cannot be understood; it is skipped
   * @throws FatalMessageException if the stream must not continue; the job fails
   */
  void parse(String message, Collector<T> out) throws MalformedMessageException, FatalMessageException;

  /**
   * Called once on the task before the first message, with the source reader's metric group, so that the parser
   * can register its own metrics (for example counts of control messages). Default: nothing.
   */
  default void open(MetricGroup metrics) {}

  /**
   * Called after a new connection has been opened and subscribed (also after a reconnect), before its first
   * message. Parsers that track sequence numbers with a {@link SequenceGapTracker} (created in {@link #open}, so
   * that its {@code sequenceGaps}, {@code lostMessages} and {@code duplicates} are source metrics) usually keep
   * their state here, so that what was missed while disconnected counts as a gap. Default: nothing.
   */
  default void onConnected() {}
}
