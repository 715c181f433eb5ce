package io.featuresdk.runtime.store.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Checkpoints the committed path of a closed offline file as UTF-8. */
final class OfflineCommittableSerializer implements SimpleVersionedSerializer<String> {
  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(String committedPath) {
    return committedPath.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("unknown offline committable version " + version + ", expected " + VERSION);
    }
    return new String(serialized, StandardCharsets.UTF_8);
  }
}
