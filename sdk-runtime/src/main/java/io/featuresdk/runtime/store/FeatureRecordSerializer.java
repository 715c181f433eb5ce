package io.featuresdk.runtime.store;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Hand-written serializer of {@link FeatureRecord}: key (Flink string encoding, no 64 KiB limit),
 * event time, value length and bytes, one flag byte (complete, provisional), then the as-of and the arrival time.
 * Records are immutable, so copies share the instance.
 */
public final class FeatureRecordSerializer extends TypeSerializerSingleton<FeatureRecord> {
  private static final long serialVersionUID = 1L;

  public static final FeatureRecordSerializer INSTANCE = new FeatureRecordSerializer();

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public FeatureRecord createInstance() {
    return new FeatureRecord("", Long.MIN_VALUE, new byte[0]);
  }

  @Override
  public FeatureRecord copy(FeatureRecord from) {
    return from;
  }

  @Override
  public FeatureRecord copy(FeatureRecord from, FeatureRecord reuse) {
    return from;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(FeatureRecord record, DataOutputView target) throws IOException {
    StringValue.writeString(record.key(), target);
    target.writeLong(record.eventTimeMillis());
    byte[] value = record.value();
    target.writeInt(value.length);
    target.write(value);
    target.writeByte((record.complete() ? COMPLETE : 0) | (record.provisional() ? PROVISIONAL : 0));
    target.writeLong(record.asOfMillis());
    target.writeLong(record.arrivalMillis());
  }

  private static final int COMPLETE = 1;
  private static final int PROVISIONAL = 2;

  @Override
  public FeatureRecord deserialize(DataInputView source) throws IOException {
    String key = StringValue.readString(source);
    long eventTimeMillis = source.readLong();
    byte[] value = new byte[source.readInt()];
    source.readFully(value);
    byte flags = source.readByte();
    return FeatureRecord.of(
        key, eventTimeMillis, value, (flags & COMPLETE) != 0, (flags & PROVISIONAL) != 0,
        source.readLong(), source.readLong());
  }

  @Override
  public FeatureRecord deserialize(FeatureRecord reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    StringValue.copyString(source, target);
    target.writeLong(source.readLong());
    int length = source.readInt();
    target.writeInt(length);
    target.write(source, length);
    target.writeByte(source.readByte());
    target.writeLong(source.readLong());
    target.writeLong(source.readLong());
  }

  @Override
  public TypeSerializerSnapshot<FeatureRecord> snapshotConfiguration() {
    return new FeatureRecordSerializerSnapshot();
  }

  private Object readResolve() {
    return INSTANCE;
  }

  /**
   * Checkpoint metadata of {@link FeatureRecordSerializer}. Version 4 added the provisional flag
   * and the as-of time, version {@value #CURRENT_VERSION} the arrival time. Earlier versions
   * (before any release) wrote records without them and cannot be read back: the job must start
   * without that state.
   */
  public static final class FeatureRecordSerializerSnapshot
      implements TypeSerializerSnapshot<FeatureRecord> {
    static final int CURRENT_VERSION = 5;
    private int readVersion = CURRENT_VERSION;

    public FeatureRecordSerializerSnapshot() {}

    @Override
    public int getCurrentVersion() {
      return CURRENT_VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) {}

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) {
      this.readVersion = readVersion;
    }

    @Override
    public TypeSerializer<FeatureRecord> restoreSerializer() {
      return INSTANCE;
    }

    @Override
    public TypeSerializerSchemaCompatibility<FeatureRecord> resolveSchemaCompatibility(
        TypeSerializerSnapshot<FeatureRecord> oldSerializerSnapshot) {
      return oldSerializerSnapshot instanceof FeatureRecordSerializerSnapshot old
              && old.readVersion == CURRENT_VERSION
          ? TypeSerializerSchemaCompatibility.compatibleAsIs()
          : TypeSerializerSchemaCompatibility.incompatible();
    }
  }
}
