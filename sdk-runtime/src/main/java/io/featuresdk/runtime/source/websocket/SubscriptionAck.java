package io.featuresdk.runtime.source.websocket;

import java.io.Serializable;

/**
 * Recognises the server's acknowledgement of the subscription, for {@link WebSocketSource.Builder#subscriptionAck}.
 * Called on the connection's I/O thread for the messages that arrive before the acknowledgement (only those), so
 * it must be cheap and must not block.
 *
 * <pre>{@code
 * SubscriptionAck coinbase = message -> message.contains("\"type\":\"subscriptions\"");
 * }</pre>
 */
@FunctionalInterface
public interface SubscriptionAck extends Serializable {

  /** True if {@code message} acknowledges the subscription. */
  boolean isAck(String message);
}
