package io.featuresdk.runtime.source.websocket;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
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
 * <p><b>Position.</b> A parser that knows what it has delivered (for example the last trade id per product) makes
 * the source restorable: {@link #snapshotState()} is stored in the source's split at every checkpoint, under
 * {@link #stateVersion()}, and handed back to {@link #restoreState} of a restored reader before its first
 * message, so the parser can drop what it delivered before the failure. A server that can serve from a
 * position is asked to through {@link #subscribeMessages}. Stateless parsers keep the defaults.
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

  /**
   * Called when the input has ended: a bounded input closed normally (code 1000), or the server did not
   * acknowledge the subscription in time. A parser that is still waiting for something the server owed (for
   * example the acknowledgement after an error reply) fails here, with its own, more precise reason. Default:
   * nothing.
   *
   * @throws FatalMessageException if the input ended in a state that must fail the job
   */
  default void onEndOfInput() throws FatalMessageException {}

  /**
   * The version of the format {@link #snapshotState()} writes; stored with the bytes and passed back to
   * {@link #restoreState}. Increase it when the format changes and keep reading the older versions. Default 0.
   */
  default int stateVersion() {
    return 0;
  }

  /**
   * What this parser has delivered so far, e.g. the highest id per key, for the checkpoint. Called on the task
   * thread between two messages, so it matches exactly the records emitted before the checkpoint. Default:
   * empty (nothing to restore).
   */
  default byte[] snapshotState() throws IOException {
    return new byte[0];
  }

  /**
   * Restores a {@link #snapshotState()} of a parser of the same class, called after {@link #open} and before
   * the first message of a restored reader. Default: nothing.
   *
   * @param version the {@link #stateVersion()} of the parser that wrote {@code state}
   * @throws IOException if {@code version} is unknown or {@code state} cannot be read
   */
  default void restoreState(int version, byte[] state) throws IOException {}

  /**
   * The subscription messages to send on connecting, given the configured ones: a parser whose server can serve
   * from a position adds its position here (after a restore), so the server skips what was delivered. Computed
   * once per reader after any restore; reconnects reuse it, and the parser drops what it already delivered.
   * Default: {@code configured}, unchanged (a live feed that cannot replay).
   */
  default List<String> subscribeMessages(List<String> configured) {
    return configured;
  }
}
