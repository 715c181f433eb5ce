package io.featuresdk.runtime.source.websocket;

import org.apache.flink.runtime.throwable.ThrowableAnnotation;
import org.apache.flink.runtime.throwable.ThrowableType;

/**
 * A message that means the stream cannot continue, for example the server rejecting the subscription. Thrown by
 * a {@link WebSocketMessageParser}; the source fails the job with this exception (reconnecting would only get
 * the same answer again); Flink does not restart a job failing with it, however it is wrapped.
 */
@ThrowableAnnotation(ThrowableType.NonRecoverableError)
public class FatalMessageException extends Exception {
  private static final long serialVersionUID = 1L;

  public FatalMessageException(String message) {
    super(message);
  }

  /** A fatal message with the failure that revealed it. */
  public FatalMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
