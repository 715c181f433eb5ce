package io.featuresdk.runtime.store;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Makes Flink's type extraction pick {@link FeatureRecordTypeInfo} instead of Kryo. */
public final class FeatureRecordTypeInfoFactory extends TypeInfoFactory<FeatureRecord> {
  @Override
  public TypeInformation<FeatureRecord> createTypeInfo(
      Type t, Map<String, TypeInformation<?>> genericParameters) {
    return FeatureRecordTypeInfo.INSTANCE;
  }
}
