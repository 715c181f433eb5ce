package io.featuresdk.runtime.store;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Hand-written serializer of {@link FeatureRecord}: key (Flink string encoding, no 64 KiB limit),
 * event time, value length and bytes, then the completeness flag as one byte. Records are
 * immutable, so copies share the instance.
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
    target.writeBoolean(record.complete());
  }

  @Override
  public FeatureRecord deserialize(DataInputView source) throws IOException {
    String key = StringValue.readString(source);
    long eventTimeMillis = source.readLong();
    byte[] value = new byte[source.readInt()];
    source.readFully(value);
    return new FeatureRecord(key, eventTimeMillis, value, source.readBoolean());
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
    target.writeBoolean(source.readBoolean());
  }

  @Override
  public TypeSerializerSnapshot<FeatureRecord> snapshotConfiguration() {
    return new FeatureRecordSerializerSnapshot();
  }

  private Object readResolve() {
    return INSTANCE;
  }

  /**
   * Checkpoint metadata of {@link FeatureRecordSerializer}. The completeness byte was added
   * without a new snapshot version, before any release: state holding records in the older format
   * (none in a released version) cannot be read back.
   */
  public static final class FeatureRecordSerializerSnapshot
      extends SimpleTypeSerializerSnapshot<FeatureRecord> {
    public FeatureRecordSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }
}
