package io.featuresdk.runtime.source.websocket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Stores a {@link WebSocketSplit}. Version 2: id (modified UTF-8), parser state version (int), parser state
 * (int length + bytes). Version 1 (before positions existed) was the id's UTF-8 bytes only; it is read as a split
 * without parser state.
 */
final class WebSocketSplitSerializer implements SimpleVersionedSerializer<WebSocketSplit> {

  static final WebSocketSplitSerializer INSTANCE = new WebSocketSplitSerializer();
  static final int VERSION = 2;
  private static final int VERSION_WITHOUT_POSITION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(WebSocketSplit split) throws IOException {
    byte[] state = split.parserState();
    DataOutputSerializer out = new DataOutputSerializer(64 + state.length);
    out.writeUTF(split.splitId());
    out.writeInt(split.parserStateVersion());
    out.writeInt(state.length);
    out.write(state);
    return out.getCopyOfBuffer();
  }

  @Override
  public WebSocketSplit deserialize(int version, byte[] serialized) throws IOException {
    if (version == VERSION_WITHOUT_POSITION) {
      return new WebSocketSplit(new String(serialized, StandardCharsets.UTF_8));
    }
    if (version != VERSION) {
      throw new IOException("Unknown WebSocketSplit serializer version " + version + "; this build reads "
          + VERSION_WITHOUT_POSITION + " and " + VERSION + ". Restore with the build that wrote the checkpoint.");
    }
    DataInputDeserializer in = new DataInputDeserializer(serialized);
    String id = in.readUTF();
    int stateVersion = in.readInt();
    byte[] state = new byte[in.readInt()];
    in.readFully(state);
    return new WebSocketSplit(id, stateVersion, state);
  }
}
