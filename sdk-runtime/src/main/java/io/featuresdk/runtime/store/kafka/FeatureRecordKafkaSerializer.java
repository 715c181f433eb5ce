package io.featuresdk.runtime.store.kafka;

import io.featuresdk.runtime.store.FeatureRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Writes a {@link FeatureRecord} in Hopsworks' record format: key = UTF-8 of the primary-key values
 * joined by {@code ";"}, value = the plain Avro binary the generated codec produced (no schema
 * registry prefix), the binding's topic and headers, and the record timestamp the {@link
 * RecordTimestamp} policy chooses. The rows are already encoded upstream, so nothing here reflects
 * on or re-encodes a row. Public for users who build their own {@code KafkaSink}.
 */
public final class FeatureRecordKafkaSerializer
    implements KafkaRecordSerializationSchema<FeatureRecord> {
  private static final long serialVersionUID = 1L;

  private final KafkaTopicBinding binding;
  private final RecordTimestamp timestampPolicy;
  private transient List<Header> headers;

  /** Writes every record to {@code binding}'s topic with its headers, stamped by {@code timestamp}. */
  public FeatureRecordKafkaSerializer(KafkaTopicBinding binding, RecordTimestamp timestamp) {
    this.binding = binding;
    this.timestampPolicy = timestamp;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(
      FeatureRecord record, KafkaSinkContext context, Long timestamp) {
    if (headers == null) {
      List<Header> encoded = new ArrayList<>();
      for (Map.Entry<String, String> header : binding.headers().entrySet()) {
        encoded.add(new RecordHeader(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8)));
      }
      headers = List.copyOf(encoded);
    }
    return new ProducerRecord<>(
        binding.topic(),
        null,
        // null: the producer stamps its clock at send time (CreateTime)
        timestampPolicy == RecordTimestamp.WINDOW_END ? record.eventTimeMillis() : null,
        record.key().getBytes(StandardCharsets.UTF_8),
        record.value(),
        headers);
  }
}
