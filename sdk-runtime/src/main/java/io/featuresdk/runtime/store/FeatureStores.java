package io.featuresdk.runtime.store;

import io.featuresdk.runtime.OptionalDependency;
import io.featuresdk.runtime.store.hopsworks.HopsworksFeatureStore;
import io.featuresdk.runtime.store.kafka.KafkaFeatureStore;
import io.featuresdk.runtime.store.local.LocalFeatureStore;
import java.nio.file.Path;

/**
 * Factories of the bundled {@link FeatureStore}s. Each store needs libraries that sdk-runtime
 * declares optional (see {@link OptionalDependency}); a factory fails with the Maven coordinates to
 * add when one is missing.
 */
public final class FeatureStores {
  private FeatureStores() {}

  /**
   * The embedded store under {@code root}: offline Avro files and an online SQLite database, no
   * servers. Read it back with {@link io.featuresdk.runtime.store.local.LocalFeatureStoreReader}
   * or the {@link io.featuresdk.runtime.store.local.LocalStoreCli}.
   *
   * @throws IllegalStateException if {@code flink-connector-files} or {@code sqlite-jdbc} is missing
   */
  public static LocalFeatureStore local(Path root) {
    OptionalDependency.LOCAL_STORE.check();
    return new LocalFeatureStore(root);
  }

  /**
   * A Kafka store writing to {@code bootstrapServers}; the same as {@link
   * KafkaFeatureStore#builder}.
   *
   * @throws IllegalStateException if {@code flink-connector-kafka} is missing
   */
  public static KafkaFeatureStore.Builder kafka(String bootstrapServers) {
    OptionalDependency.KAFKA_STORE.check();
    return KafkaFeatureStore.builder(bootstrapServers);
  }

  /**
   * A Hopsworks store for {@code project} on {@code host:port}; the same as {@link
   * HopsworksFeatureStore#builder}.
   *
   * @throws IllegalStateException if {@code flink-connector-kafka} is missing
   */
  public static HopsworksFeatureStore.Builder hopsworks(String host, int port, String project) {
    OptionalDependency.HOPSWORKS_STORE.check();
    return HopsworksFeatureStore.builder(host, port, project);
  }
}
