package io.featuresdk.runtime.source.websocket;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import io.featuresdk.runtime.source.recording.RecordingOptions;
import org.apache.flink.api.connector.source.Boundedness;

/** Immutable settings of a {@link WebSocketSource}, shipped to the readers. Built by {@link WebSocketSource.Builder}. */
final class WebSocketSourceConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  final URI uri;
  final List<String> subscribeMessages;
  final Boundedness boundedness;
  final int queueCapacity;
  final ReconnectBackoff backoff;
  final Duration connectTimeout;
  final int maxFrameSize;
  /** Zero = no idle timeout. */
  final Duration idleTimeout;
  /** Null = no acknowledgement expected. */
  final SubscriptionAck subscriptionAck;
  final Duration subscriptionAckTimeout;
  /** Null = no recording. */
  final RecordingOptions recording;

  WebSocketSourceConfig(URI uri, List<String> subscribeMessages, Boundedness boundedness, int queueCapacity,
      ReconnectBackoff backoff, Duration connectTimeout, int maxFrameSize, Duration idleTimeout) {
    this(uri, subscribeMessages, boundedness, queueCapacity, backoff, connectTimeout, maxFrameSize, idleTimeout,
        null, Duration.ZERO, null);
  }

  WebSocketSourceConfig(URI uri, List<String> subscribeMessages, Boundedness boundedness, int queueCapacity,
      ReconnectBackoff backoff, Duration connectTimeout, int maxFrameSize, Duration idleTimeout,
      SubscriptionAck subscriptionAck, Duration subscriptionAckTimeout, RecordingOptions recording) {
    this.subscriptionAck = subscriptionAck;
    this.subscriptionAckTimeout = subscriptionAckTimeout;
    this.recording = recording;
    this.uri = uri;
    this.subscribeMessages = List.copyOf(subscribeMessages);
    this.boundedness = boundedness;
    this.queueCapacity = queueCapacity;
    this.backoff = backoff;
    this.connectTimeout = connectTimeout;
    this.maxFrameSize = maxFrameSize;
    this.idleTimeout = idleTimeout;
  }

  boolean bounded() {
    return boundedness == Boundedness.BOUNDED;
  }
}
