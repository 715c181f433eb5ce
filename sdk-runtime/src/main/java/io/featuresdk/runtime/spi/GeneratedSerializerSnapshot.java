package io.featuresdk.runtime.spi;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Checkpoint metadata of a {@link GeneratedSerializer}: its class and layout fingerprint. Restoring
 * instantiates the class once per restore, never per record.
 *
 * @param <T> the serialized type
 */
public final class GeneratedSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {
  private static final int VERSION = 1;

  private GeneratedSerializer<T> serializer;
  private String layoutFingerprint;

  /** Used by Flink when reading a snapshot. */
  public GeneratedSerializerSnapshot() {}

  GeneratedSerializerSnapshot(GeneratedSerializer<T> serializer) {
    this.serializer = serializer;
    this.layoutFingerprint = serializer.layoutFingerprint();
  }

  @Override
  public int getCurrentVersion() {
    return VERSION;
  }

  @Override
  public void writeSnapshot(DataOutputView out) throws IOException {
    out.writeUTF(serializer.getClass().getName());
    out.writeUTF(layoutFingerprint);
  }

  @Override
  public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader)
      throws IOException {
    String className = in.readUTF();
    layoutFingerprint = in.readUTF();
    serializer = instantiate(className, userCodeClassLoader);
  }

  @Override
  public TypeSerializer<T> restoreSerializer() {
    return serializer;
  }

  @Override
  public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
      TypeSerializerSnapshot<T> oldSerializerSnapshot) {
    if (oldSerializerSnapshot instanceof GeneratedSerializerSnapshot<T> old
        && old.serializer.getClass().getName().equals(serializer.getClass().getName())
        && old.layoutFingerprint.equals(layoutFingerprint)) {
      return TypeSerializerSchemaCompatibility.compatibleAsIs();
    }
    return TypeSerializerSchemaCompatibility.incompatible();
  }

  @SuppressWarnings("unchecked")
  private static <T> GeneratedSerializer<T> instantiate(String className, ClassLoader loader)
      throws IOException {
    try {
      return (GeneratedSerializer<T>)
          Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
    } catch (ClassNotFoundException
        | NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException e) {
      throw new IOException(
          "cannot restore generated serializer " + className
              + ": is the job jar built from the same feature classes as the checkpoint?",
          e);
    }
  }
}
