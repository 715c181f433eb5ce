package io.featuresdk.runtime.source.websocket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Stores a {@link WebSocketSplit} as its UTF-8 id; there is no offset to store. */
final class WebSocketSplitSerializer implements SimpleVersionedSerializer<WebSocketSplit> {

  static final WebSocketSplitSerializer INSTANCE = new WebSocketSplitSerializer();
  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(WebSocketSplit split) {
    return split.splitId().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public WebSocketSplit deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("Unknown WebSocketSplit serializer version " + version + "; expected " + VERSION);
    }
    return new WebSocketSplit(new String(serialized, StandardCharsets.UTF_8));
  }
}
