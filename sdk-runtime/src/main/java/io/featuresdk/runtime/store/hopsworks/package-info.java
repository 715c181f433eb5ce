/**
 * Hopsworks as a feature store without {@code hsfs-flink}: metadata over its REST API, rows over
 * Kafka in its record format, exactly-once. Entry point: {@link
 * io.featuresdk.runtime.store.hopsworks.HopsworksFeatureStore}.
 */
package io.featuresdk.runtime.store.hopsworks;
