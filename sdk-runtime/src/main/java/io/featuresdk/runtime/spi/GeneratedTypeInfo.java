package io.featuresdk.runtime.spi;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * Flink type information for a generated record type, backed by its {@link GeneratedSerializer}.
 *
 * @param <T> the generated record type
 */
public final class GeneratedTypeInfo<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> typeClass;
  private final SerializableSupplier<? extends GeneratedSerializer<T>> serializerFactory;

  public GeneratedTypeInfo(
      Class<T> typeClass, SerializableSupplier<? extends GeneratedSerializer<T>> serializerFactory) {
    this.typeClass = typeClass;
    this.serializerFactory = serializerFactory;
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<T> getTypeClass() {
    return typeClass;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    return serializerFactory.get();
  }

  /** Flink 1.x still calls this variant; Flink 2 removed it. */
  @Deprecated
  public TypeSerializer<T> createSerializer(ExecutionConfig config) {
    return serializerFactory.get();
  }

  @Override
  public String toString() {
    return "GeneratedTypeInfo<" + typeClass.getName() + ">";
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof GeneratedTypeInfo<?> other && other.typeClass == typeClass;
  }

  @Override
  public int hashCode() {
    return typeClass.hashCode();
  }

  @Override
  public boolean canEqual(Object obj) {
    return obj instanceof GeneratedTypeInfo;
  }
}
