package io.featuresdk.runtime.source.websocket;

import java.io.IOException;

/** The server did not acknowledge the subscription in time (see {@link WebSocketSource.Builder#subscriptionAck}). */
public final class SubscriptionNotAcknowledgedException extends IOException {
  private static final long serialVersionUID = 1L;

  SubscriptionNotAcknowledgedException(String message) {
    super(message);
  }
}
