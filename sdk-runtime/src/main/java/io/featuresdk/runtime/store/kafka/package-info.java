/**
 * Feature rows on Kafka in Hopsworks' record format, exactly-once through Kafka transactions by
 * default: {@link io.featuresdk.runtime.store.kafka.KafkaFeatureStore}.
 */
package io.featuresdk.runtime.store.kafka;
