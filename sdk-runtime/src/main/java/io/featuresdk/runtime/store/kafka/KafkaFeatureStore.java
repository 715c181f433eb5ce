package io.featuresdk.runtime.store.kafka;

import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.FeatureRecord;
import io.featuresdk.runtime.store.FeatureStore;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Writes each feature group to a Kafka topic in Hopsworks' record format (key = primary-key values
 * joined by {@code ";"}, value = plain Avro binary of the row, optional headers; record timestamp
 * per {@link RecordTimestamp}, the write time by default) with Flink's
 * {@link KafkaSink}. Any Avro consumer that knows the group's schema can read the topic; Hopsworks
 * reads it when the topic and headers come from {@link
 * io.featuresdk.runtime.store.hopsworks.HopsworksFeatureStore}.
 *
 * <p>Exactly-once by default: rows are written in Kafka transactions committed at Flink
 * checkpoints, so consumers with {@code isolation.level=read_committed} see each row once even
 * after failures. The job must checkpoint; rows become visible at each completed checkpoint.
 *
 * <p>Every final row is written, truncated windows' rows ({@link FeatureRecord#complete()} false)
 * included, and the flag is not on the wire. {@linkplain FeatureRecord#provisional() Provisional}
 * rows are not: the group's Avro schema has no field to say what a row covers, and a topic is
 * typically materialized by consumers that would take them for final ones: a topic is a stream of the freshest values. A
 * consumer that must not take truncated rows for complete ones, such as an offline table that
 * upserts, should read {@link io.featuresdk.runtime.store.hopsworks.HopsworksFeatureStore}'s
 * topics, which carry complete rows only, or filter {@code records(window)} itself.
 *
 * <pre>{@code
 * env.enableCheckpointing(10_000);
 * FeaturePipeline.of(PriceFeatures_FeatureGroup.instance())
 *     .from(ticks)
 *     .insertStream(KafkaFeatureStore.builder("localhost:9092").topicPrefix("features.").build());
 * // topics features.eth_usd_price_5m_1, features.eth_usd_price_10m_1, ...
 * }</pre>
 */
public final class KafkaFeatureStore implements FeatureStore {
  private static final long serialVersionUID = 1L;

  /**
   * Brokers refuse transactions longer than {@code transaction.max.timeout.ms} (15 minutes by
   * default) while Flink's sink asks for one hour; stay within the broker's default.
   */
  static final String DEFAULT_TRANSACTION_TIMEOUT_MS = String.valueOf(15 * 60 * 1000);

  private final String bootstrapServers;
  private final TopicResolver topics;
  private final DeliveryGuarantee deliveryGuarantee;
  private final String transactionalIdPrefix;
  private final RecordTimestamp recordTimestamp;
  private final Map<String, String> producerConfig;
  private final Map<String, String> secretProducerConfigKeys;

  private KafkaFeatureStore(Builder builder) {
    this.bootstrapServers = builder.bootstrapServers;
    this.topics = builder.topics;
    this.deliveryGuarantee = builder.deliveryGuarantee;
    this.transactionalIdPrefix = builder.transactionalIdPrefix;
    this.recordTimestamp = builder.recordTimestamp;
    this.producerConfig = new LinkedHashMap<>(builder.producerConfig);
    this.secretProducerConfigKeys = new LinkedHashMap<>(builder.secretKeys);
  }

  /** Starts a store writing to the brokers {@code bootstrapServers} ({@code host:port,...}). */
  public static Builder builder(String bootstrapServers) {
    return new Builder(bootstrapServers);
  }

  /** Maps a feature group to its topic and headers. */
  @FunctionalInterface
  public interface TopicResolver extends Serializable {
    KafkaTopicBinding resolve(FeatureGroupTarget group);
  }

  @Override
  public void insertStream(FeatureGroupTarget group, DataStream<FeatureRecord> records) {
    if (deliveryGuarantee == DeliveryGuarantee.EXACTLY_ONCE
        && !records.getExecutionEnvironment().getCheckpointConfig().isCheckpointingEnabled()) {
      throw new IllegalStateException(
          "the Kafka feature store commits rows of feature group " + group.name() + " v"
              + group.version() + " in transactions at checkpoints, but checkpointing is disabled: "
              + "call env.enableCheckpointing(intervalMillis) (e.g. 10000) before insertStream, or "
              + "choose deliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)");
    }
    KafkaTopicBinding binding = topics.resolve(group);
    records
        .filter(record -> !record.provisional())
        .name(group.name() + " final rows")
        .uid("featuresdk/" + group.qualifiedName() + "/final-rows")
        .sinkTo(sink(group, binding))
        .name(group.name() + " kafka")
        .uid("featuresdk/" + group.qualifiedName() + "/kafka");
  }

  /** The Flink sink of one group; visible for tests and for users who wire sinks themselves. */
  public KafkaSink<FeatureRecord> sink(FeatureGroupTarget group, KafkaTopicBinding binding) {
    Properties properties = new Properties();
    properties.setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, DEFAULT_TRANSACTION_TIMEOUT_MS);
    properties.putAll(producerConfig);
    return KafkaSink.<FeatureRecord>builder()
        .setBootstrapServers(bootstrapServers)
        .setKafkaProducerConfig(properties)
        .setDeliveryGuarantee(deliveryGuarantee)
        // one prefix per group: two sinks sharing transactional ids would fence each other
        .setTransactionalIdPrefix(transactionalIdPrefix + "-" + group.qualifiedName())
        .setRecordSerializer(new FeatureRecordKafkaSerializer(binding, recordTimestamp))
        .build();
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public DeliveryGuarantee deliveryGuarantee() {
    return deliveryGuarantee;
  }

  public RecordTimestamp recordTimestamp() {
    return recordTimestamp;
  }

  /** Secret producer settings (passwords, private keys) are shown as {@code ***}. */
  @Override
  public String toString() {
    Map<String, String> shown = new LinkedHashMap<>();
    producerConfig.forEach(
        (key, value) -> shown.put(key, secretProducerConfigKeys.containsKey(key) ? "***" : value));
    return "KafkaFeatureStore{bootstrapServers=" + bootstrapServers + ", deliveryGuarantee="
        + deliveryGuarantee + ", transactionalIdPrefix=" + transactionalIdPrefix
        + ", recordTimestamp=" + recordTimestamp + ", producerConfig=" + shown + "}";
  }

  /** Configures a {@link KafkaFeatureStore}. */
  public static final class Builder {
    private final String bootstrapServers;
    private TopicResolver topics = prefixed("");
    private DeliveryGuarantee deliveryGuarantee = DeliveryGuarantee.EXACTLY_ONCE;
    private String transactionalIdPrefix = "featuresdk";
    private RecordTimestamp recordTimestamp = RecordTimestamp.WRITE_TIME;
    private final Map<String, String> producerConfig = new LinkedHashMap<>();
    private final Map<String, String> secretKeys = new LinkedHashMap<>();

    private Builder(String bootstrapServers) {
      Objects.requireNonNull(bootstrapServers, "bootstrapServers");
      if (bootstrapServers.isBlank()) {
        throw new IllegalArgumentException(
            "Kafka bootstrap servers must not be blank; pass host:port[,host:port...]");
      }
      this.bootstrapServers = bootstrapServers;
    }

    /** Topic {@code <prefix><group>_<version>} per group, no headers (the default, prefix ""). */
    public Builder topicPrefix(String prefix) {
      this.topics = prefixed(Objects.requireNonNull(prefix, "prefix"));
      return this;
    }

    /** Chooses topic and headers per group, e.g. from Hopsworks' metadata. */
    public Builder topics(TopicResolver resolver) {
      this.topics = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /** {@code EXACTLY_ONCE} (default), {@code AT_LEAST_ONCE} or {@code NONE}. */
    public Builder deliveryGuarantee(DeliveryGuarantee guarantee) {
      this.deliveryGuarantee = Objects.requireNonNull(guarantee, "guarantee");
      return this;
    }

    /**
     * The start of the Kafka transactional ids; {@code -<group>_<version>} is appended per group.
     * Must be unique per job writing to the same cluster (default {@code featuresdk}).
     */
    public Builder transactionalIdPrefix(String prefix) {
      this.transactionalIdPrefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /**
     * The time each record carries: {@link RecordTimestamp#WRITE_TIME} (default) or {@link
     * RecordTimestamp#WINDOW_END}; see there for what it means for topic retention.
     */
    public Builder recordTimestamp(RecordTimestamp timestamp) {
      this.recordTimestamp = Objects.requireNonNull(timestamp, "timestamp");
      return this;
    }

    /** Any Kafka producer setting (security, batching, ...). */
    public Builder producerProperty(String key, String value) {
      producerConfig.put(key, value);
      return this;
    }

    /** A producer setting that is a secret: kept out of {@code toString()}. */
    public Builder secretProducerProperty(String key, String value) {
      producerConfig.put(key, value);
      secretKeys.put(key, "");
      return this;
    }

    public KafkaFeatureStore build() {
      return new KafkaFeatureStore(this);
    }
  }

  private static TopicResolver prefixed(String prefix) {
    return group -> new KafkaTopicBinding(prefix + group.qualifiedName(), Map.of());
  }
}
