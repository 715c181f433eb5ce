package io.featuresdk.runtime.source.websocket;

import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** One byte: 1 if the split is still unassigned. */
final class WebSocketEnumeratorStateSerializer implements SimpleVersionedSerializer<WebSocketEnumeratorState> {

  static final WebSocketEnumeratorStateSerializer INSTANCE = new WebSocketEnumeratorStateSerializer();
  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(WebSocketEnumeratorState state) {
    return new byte[] {(byte) (state.splitUnassigned() ? 1 : 0)};
  }

  @Override
  public WebSocketEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION || serialized.length != 1) {
      throw new IOException("Unknown WebSocket enumerator state (version " + version + ", "
          + serialized.length + " bytes); expected version " + VERSION + " with 1 byte");
    }
    return new WebSocketEnumeratorState(serialized[0] == 1);
  }
}
