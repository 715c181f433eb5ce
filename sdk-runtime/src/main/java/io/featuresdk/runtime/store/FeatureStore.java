package io.featuresdk.runtime.store;

import java.io.Serializable;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where feature rows go: the single seam between the pipeline and a storage system. An
 * implementation adds its sinks to the job graph of {@code records} and must fail here, before the
 * job starts, on configuration it cannot honour.
 *
 * <pre>{@code
 * FeaturePipeline.of(PriceFeatures_FeatureGroup.instance())
 *     .from(ticks)
 *     .insertStream(FeatureStores.local(Path.of("feature-store")));
 * }</pre>
 */
public interface FeatureStore extends Serializable {

  /** Adds the sinks that write {@code records}, the encoded rows of {@code group}. */
  void insertStream(FeatureGroupTarget group, DataStream<FeatureRecord> records);
}
