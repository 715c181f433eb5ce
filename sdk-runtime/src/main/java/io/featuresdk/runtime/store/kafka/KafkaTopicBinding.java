package io.featuresdk.runtime.store.kafka;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where one feature group's rows go on Kafka: the topic and the headers every record carries. For
 * Hopsworks these are the group's {@code onlineTopicName} and the {@code projectId},
 * {@code featureGroupId}, {@code subjectId} (and {@code onlineIngestionId}) headers.
 *
 * @param topic the Kafka topic
 * @param headers header names and UTF-8 values, in the order they are written
 */
public record KafkaTopicBinding(String topic, Map<String, String> headers) implements Serializable {

  public KafkaTopicBinding {
    Objects.requireNonNull(topic, "topic");
    if (topic.isBlank()) {
      throw new IllegalArgumentException("Kafka topic must not be blank");
    }
    // a copy that keeps the caller's order: records carry the headers in that order
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }
}
