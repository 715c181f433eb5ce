package io.featuresdk.runtime.source.websocket;

import java.util.Arrays;
import java.util.Objects;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * The single unit of work of a {@link WebSocketSource}: one WebSocket connection, with the position of what its
 * reader has delivered.
 *
 * <p>The position is the parser's state ({@link WebSocketMessageParser#snapshotState()}, e.g. the last trade id
 * per product) with its {@linkplain WebSocketMessageParser#stateVersion() version}; empty before the first
 * checkpoint and for stateless parsers. A restored reader hands it back to the parser, which then drops what was
 * delivered before the failure; a server that can serve from a position is asked to resume after it.
 */
public final class WebSocketSplit implements SourceSplit {

  static final String SPLIT_ID = "websocket-0";
  private static final byte[] NO_STATE = new byte[0];

  private final String splitId;
  private final int parserStateVersion;
  private final byte[] parserState;

  public WebSocketSplit(String splitId) {
    this(splitId, 0, NO_STATE);
  }

  WebSocketSplit(String splitId, int parserStateVersion, byte[] parserState) {
    this.splitId = Objects.requireNonNull(splitId, "splitId");
    this.parserStateVersion = parserStateVersion;
    this.parserState = parserState.clone();
  }

  static WebSocketSplit single() {
    return new WebSocketSplit(SPLIT_ID);
  }

  /** This split with the parser's current position. */
  WebSocketSplit withParserState(int version, byte[] state) {
    return new WebSocketSplit(splitId, version, state);
  }

  @Override
  public String splitId() {
    return splitId;
  }

  int parserStateVersion() {
    return parserStateVersion;
  }

  byte[] parserState() {
    return parserState.clone();
  }

  boolean hasParserState() {
    return parserState.length > 0;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WebSocketSplit)) {
      return false;
    }
    WebSocketSplit other = (WebSocketSplit) o;
    return other.splitId.equals(splitId) && other.parserStateVersion == parserStateVersion
        && Arrays.equals(other.parserState, parserState);
  }

  @Override
  public int hashCode() {
    return splitId.hashCode() * 31 + Arrays.hashCode(parserState);
  }

  @Override
  public String toString() {
    return "WebSocketSplit{" + splitId + ", parser state v" + parserStateVersion + ", " + parserState.length
        + " bytes}";
  }
}
