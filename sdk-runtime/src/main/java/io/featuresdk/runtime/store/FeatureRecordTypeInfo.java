package io.featuresdk.runtime.store;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink type information of {@link FeatureRecord}, backed by {@link FeatureRecordSerializer}. */
public final class FeatureRecordTypeInfo extends TypeInformation<FeatureRecord> {
  private static final long serialVersionUID = 1L;

  public static final FeatureRecordTypeInfo INSTANCE = new FeatureRecordTypeInfo();

  private FeatureRecordTypeInfo() {}

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
  public Class<FeatureRecord> getTypeClass() {
    return FeatureRecord.class;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<FeatureRecord> createSerializer(SerializerConfig config) {
    return FeatureRecordSerializer.INSTANCE;
  }

  /** Flink 1.x still calls this variant; Flink 2 removed it (hence no {@code @Override}). */
  @Deprecated
  public TypeSerializer<FeatureRecord> createSerializer(ExecutionConfig config) {
    return FeatureRecordSerializer.INSTANCE;
  }

  @Override
  public String toString() {
    return "FeatureRecord";
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof FeatureRecordTypeInfo;
  }

  @Override
  public int hashCode() {
    return FeatureRecordTypeInfo.class.hashCode();
  }

  @Override
  public boolean canEqual(Object obj) {
    return obj instanceof FeatureRecordTypeInfo;
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
