package io.featuresdk.runtime.source.websocket;

import java.util.Objects;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * The single unit of work of a {@link WebSocketSource}: one WebSocket connection.
 *
 * <p>The split carries no offset. A live WebSocket feed cannot be replayed from a position, so after a restore
 * the reader simply connects again and continues with whatever the server sends next; messages published while
 * the job was down are lost (at-most-once for the gap). Sources that need replay should record the feed.
 */
public final class WebSocketSplit implements SourceSplit {

  static final String SPLIT_ID = "websocket-0";

  private final String splitId;

  public WebSocketSplit(String splitId) {
    this.splitId = Objects.requireNonNull(splitId, "splitId");
  }

  static WebSocketSplit single() {
    return new WebSocketSplit(SPLIT_ID);
  }

  @Override
  public String splitId() {
    return splitId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WebSocketSplit && ((WebSocketSplit) o).splitId.equals(splitId);
  }

  @Override
  public int hashCode() {
    return splitId.hashCode();
  }

  @Override
  public String toString() {
    return "WebSocketSplit{" + splitId + "}";
  }
}
