/**
 * Hopsworks as a feature store without {@code hsfs-flink}: metadata over its REST API, rows over
 * Kafka in its record format, at-least-once as Hopsworks' Kafka accepts it. Entry point: {@link
 * io.featuresdk.runtime.store.hopsworks.HopsworksFeatureStore}.
 */
package io.featuresdk.runtime.store.hopsworks;
