package io.featuresdk.runtime.source.websocket;

import java.io.IOException;
import org.apache.flink.runtime.throwable.ThrowableAnnotation;
import org.apache.flink.runtime.throwable.ThrowableType;

/** The server did not acknowledge the subscription in time (see {@link WebSocketSource.Builder#subscriptionAck}).
 * Fatal: Flink does not restart a job failing with it, however it is wrapped. */
@ThrowableAnnotation(ThrowableType.NonRecoverableError)
public final class SubscriptionNotAcknowledgedException extends IOException {
  private static final long serialVersionUID = 1L;

  SubscriptionNotAcknowledgedException(String message) {
    super(message);
  }
}
