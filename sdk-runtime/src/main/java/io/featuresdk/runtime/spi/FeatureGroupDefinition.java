package io.featuresdk.runtime.spi;

import java.io.Serializable;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * Everything the runtime needs to run one annotated feature class, generated at compile time as
 * {@code <FeatureClass>_FeatureGroup}. Users pass it to the pipeline builder and never implement
 * it themselves.
 *
 * @param <E> the source event type
 * @param <I> the generated input record type
 * @param <K> the key type
 * @param <A> the generated accumulator type
 * @param <R> the feature row type (the annotated class)
 */
public interface FeatureGroupDefinition<E, I, K, A, R> extends Serializable {

  FeatureGroupInfo info();

  Class<E> sourceType();

  Class<R> rowType();

  /**
   * Flink type information for the feature rows, backed by a generated serializer, so rows travel
   * between operators without Kryo or reflection whatever the row class looks like.
   */
  TypeInformation<R> rowTypeInfo();

  InputProjection<E, I> projection();

  TypeInformation<I> inputType();

  KeySelector<I, K> keySelector();

  TypeInformation<K> keyType();

  FeatureAggregation<I, A, R> aggregation();

  TypeInformation<A> accumulatorType();

  FeatureRowCodec<R> codec();
}
