package io.featuresdk.runtime.spi;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Base of the generated Flink serializers for input records, accumulators and feature rows.
 * Generated subclasses are stateless, have a public no-argument constructor, and write their
 * fields one by one, so no record or row is ever serialized by reflection or Kryo.
 *
 * <p>{@link #layoutFingerprint()} identifies the field layout: a checkpoint written with another
 * layout (a feature added or removed) is reported as incompatible instead of misread.
 *
 * @param <T> the serialized type
 */
public abstract class GeneratedSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  /** A value that changes whenever the serialized field layout changes. */
  public abstract String layoutFingerprint();

  @Override
  public final boolean isImmutableType() {
    return false;
  }

  @Override
  public final TypeSerializer<T> duplicate() {
    return this;
  }

  @Override
  public final int getLength() {
    return -1;
  }

  @Override
  public final T copy(T from, T reuse) {
    return copy(from);
  }

  @Override
  public final T deserialize(T reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public final void copy(DataInputView source, DataOutputView target) throws IOException {
    serialize(deserialize(source), target);
  }

  @Override
  public final boolean equals(Object obj) {
    return obj != null && obj.getClass() == getClass();
  }

  @Override
  public final int hashCode() {
    return getClass().hashCode();
  }

  @Override
  public final TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new GeneratedSerializerSnapshot<>(this);
  }
}
