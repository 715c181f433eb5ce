package io.featuresdk.runtime.store.hopsworks;

import com.fasterxml.jackson.databind.JsonNode;
import io.featuresdk.runtime.OptionalDependency;
import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.FeatureRecord;
import io.featuresdk.runtime.store.FeatureRecordTypeInfo;
import io.featuresdk.runtime.store.FeatureStore;
import io.featuresdk.runtime.store.kafka.KafkaFeatureStore;
import io.featuresdk.runtime.store.kafka.KafkaTopicBinding;
import io.featuresdk.runtime.store.kafka.RecordTimestamp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes feature groups into Hopsworks the way its own clients do (Avro rows on the group's
 * {@code onlineTopicName} with the {@code projectId}, {@code featureGroupId}, {@code subjectId} and,
 * for online groups, {@code onlineIngestionId} headers), without depending on {@code hsfs-flink}.
 *
 * <p>Delivery defaults to what Hopsworks' Kafka accepts: at-least-once without transactions and
 * with {@code enable.idempotence=false}, as Hopsworks' Flink client. Hopsworks' authorizer grants a
 * project's user no transactional ids, so {@code EXACTLY_ONCE} is checked against the brokers while
 * the graph is built and refused there with a message. Rows written twice after a restart are
 * stored once all the same: the online store upserts by primary key and the offline
 * materialization de-duplicates on primary key and event time. Records carry the write time by
 * default ({@link RecordTimestamp}).
 *
 * <p>Only {@linkplain FeatureRecord#complete() complete} rows are written. The one topic feeds
 * both the online store and the offline materialization, which upserts on primary key and event
 * time, so a truncated window's row (the leading or trailing window of a run or backfill) could
 * replace the complete row another run wrote for the same window. The price: the online store
 * does not get a key's truncated windows either, nor the {@linkplain FeatureRecord#provisional()
 * provisional} rows the local online store gets (they are never complete): the same topic feeds
 * the offline materialization, which would keep them as if final. Hopsworks' online features are
 * therefore as fresh as the final rows: a slide plus the watermark bound.
 *
 * <p>{@link #insertStream} runs while the job graph is built: it resolves the project, feature
 * store, group, Avro subject and Kafka connector over Hopsworks' REST API, compares the generated
 * schema with the registered one, optionally creates a missing group from the annotation metadata,
 * and then adds a {@link KafkaFeatureStore} sink. Any problem fails there, before the job starts,
 * with a message that says what to fix and never contains the API key.
 *
 * <pre>{@code
 * env.enableCheckpointing(10_000);
 * FeaturePipeline.of(PriceFeatures_FeatureGroup.instance())
 *     .from(ticks)
 *     .insertStream(HopsworksFeatureStore.builder("my.hopsworks.ai", 443, "demo")
 *         .apiKey(ApiKeySource.environment("HOPSWORKS_API_KEY"))
 *         .createMissingGroups(true)
 *         .build());
 * }</pre>
 */
public final class HopsworksFeatureStore implements FeatureStore {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(HopsworksFeatureStore.class);

  private final String host;
  private final int port;
  private final String project;
  private final ApiKeySource apiKey;
  private final String trustStore;
  private final String trustStorePassword;
  private final boolean hostnameVerification;
  private final boolean createMissingGroups;
  private final boolean externalListener;
  private final DeliveryGuarantee deliveryGuarantee;
  private final boolean idempotence;
  private final RecordTimestamp recordTimestamp;
  private final String transactionalIdPrefix;
  private final Duration connectTimeout;
  private transient Map<String, String> environment;

  private HopsworksFeatureStore(Builder builder) {
    this.host = builder.host;
    this.port = builder.port;
    this.project = builder.project;
    this.apiKey = Objects.requireNonNull(builder.apiKey, "apiKey");
    this.trustStore = builder.trustStore;
    this.trustStorePassword = builder.trustStorePassword;
    this.hostnameVerification = builder.hostnameVerification;
    this.createMissingGroups = builder.createMissingGroups;
    this.externalListener = builder.externalListener;
    this.deliveryGuarantee = builder.deliveryGuarantee;
    this.idempotence = builder.idempotence;
    this.recordTimestamp = builder.recordTimestamp;
    this.transactionalIdPrefix = builder.transactionalIdPrefix;
    this.connectTimeout = builder.connectTimeout;
    this.environment = builder.environment;
  }

  /**
   * Starts a store for {@code project} on the Hopsworks cluster at {@code host:port} (usually 443).
   * The API key is read from the environment variable {@code HOPSWORKS_API_KEY} unless {@link
   * Builder#apiKey} says otherwise.
   */
  public static Builder builder(String host, int port, String project) {
    OptionalDependency.HOPSWORKS_STORE.check();
    return new Builder(host, port, project);
  }

  @Override
  public void insertStream(FeatureGroupTarget group, DataStream<FeatureRecord> records) {
    Resolved resolved = resolve(group);
    if (deliveryGuarantee == DeliveryGuarantee.EXACTLY_ONCE) {
      TransactionCheck.requireTransactions(resolved.bootstrapServers, resolved.producerConfig,
          transactionalIdPrefix + "-" + group.qualifiedName() + "-check", connectTimeout);
    }
    DataStream<FeatureRecord> complete = records
        .filter(FeatureRecord::complete)
        .name(group.qualifiedName() + " complete rows")
        .uid("featuresdk/" + group.qualifiedName() + "/complete-rows");
    if (ComplexFeatureEncoding.hasComplexFeatures(group.schema())) {
      complete = complete
          .map(new ComplexFeatureEncoding(group.schema()), FeatureRecordTypeInfo.INSTANCE)
          .name(group.qualifiedName() + " complex features as bytes")
          .uid("featuresdk/" + group.qualifiedName() + "/complex-features");
    }
    kafkaStore(resolved).insertStream(group, complete);
  }

  /** The Kafka store writing one resolved group; visible for tests. */
  KafkaFeatureStore kafkaStore(Resolved resolved) {
    KafkaTopicBinding binding = resolved.binding; // the resolver is serializable; Resolved is not
    KafkaFeatureStore.Builder kafka =
        KafkaFeatureStore.builder(resolved.bootstrapServers)
            .topics(ignored -> binding)
            .deliveryGuarantee(deliveryGuarantee)
            .recordTimestamp(recordTimestamp)
            .transactionalIdPrefix(transactionalIdPrefix);
    resolved.producerConfig.forEach(
        (key, value) -> {
          if (isSecret(key)) {
            kafka.secretProducerProperty(key, value);
          } else {
            kafka.producerProperty(key, value);
          }
        });
    // transactions need idempotence; otherwise off unless asked for, as in Hopsworks' clients
    kafka.producerProperty("enable.idempotence",
        String.valueOf(idempotence || deliveryGuarantee == DeliveryGuarantee.EXACTLY_ONCE));
    return kafka.build();
  }

  /** What {@link #insertStream} learned from Hopsworks about one group. */
  static final class Resolved {
    final KafkaTopicBinding binding;
    final String bootstrapServers;
    final Map<String, String> producerConfig;

    Resolved(KafkaTopicBinding binding, String bootstrapServers, Map<String, String> producerConfig) {
      this.binding = binding;
      this.bootstrapServers = bootstrapServers;
      this.producerConfig = producerConfig;
    }
  }

  /** Resolves (and, if enabled and missing, creates) {@code group}; visible for tests. */
  Resolved resolve(FeatureGroupTarget group) {
    String key = apiKey.read(environment == null ? System.getenv() : environment);
    HopsworksRestClient client =
        new HopsworksRestClient(host, port,
            TlsContexts.create(trustStore == null ? null : Path.of(trustStore),
                trustStorePassword == null ? null : trustStorePassword.toCharArray(),
                hostnameVerification),
            hostnameVerification, key, apiKey, connectTimeout);
    int projectId = client.projectId(project);
    String featureStoreName = project.toLowerCase(Locale.ROOT) + "_featurestore";
    int featureStoreId = client.featureStoreId(projectId, featureStoreName);

    Optional<JsonNode> found = client.featureGroup(projectId, featureStoreId, group.name(), group.version());
    JsonNode featureGroup;
    if (found.isPresent()) {
      featureGroup = found.get();
    } else if (createMissingGroups) {
      LOG.info("Creating feature group {} v{} in Hopsworks project {}", group.name(), group.version(), project);
      client.createFeatureGroup(projectId, featureStoreId, FeatureGroupDefinitions.streamFeatureGroup(group));
      featureGroup = client.featureGroup(projectId, featureStoreId, group.name(), group.version())
          .orElseThrow(() -> new HopsworksException(
              "Hopsworks accepted feature group " + group.name() + " v" + group.version()
                  + " but does not return it: check the group in the Hopsworks UI"));
    } else {
      throw new HopsworksException(
          "feature group " + group.name() + " v" + group.version() + " does not exist in feature "
              + "store " + featureStoreName + " of project " + project + ": create it in Hopsworks, "
              + "or let featuresdk create it from the annotations with createMissingGroups(true) "
              + "(--hopsworks-create in the example)");
    }
    int featureGroupId = featureGroup.path("id").asInt();
    String topic = featureGroup.path("onlineTopicName").asText("");
    if (topic.isEmpty()) {
      throw new HopsworksException(
          "feature group " + group.name() + " v" + group.version() + " (id " + featureGroupId
              + ") has no onlineTopicName: only stream feature groups take rows over Kafka; "
              + "recreate it as a stream feature group");
    }

    JsonNode subject = client.subject(projectId, featureStoreId, group.qualifiedName());
    Schema registered = new Schema.Parser().parse(subject.path("schema").asText());
    List<String> diff = SchemaDiff.between(group.schema(), registered);
    if (!diff.isEmpty()) {
      throw new HopsworksException(
          "the generated schema of feature group " + group.name() + " v" + group.version()
              + " does not match the one registered in Hopsworks (project " + project + "):\n  "
              + String.join("\n  ", diff)
              + "\nEither change the feature class back to the registered features, or bump "
              + "@FeatureGroup(version = ...) so a new version of the group is written");
    }

    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("projectId", String.valueOf(projectId));
    headers.put("featureGroupId", String.valueOf(featureGroupId));
    headers.put("subjectId", String.valueOf(subject.path("id").asLong()));
    if (featureGroup.path("onlineEnabled").asBoolean(false)) {
      headers.put("onlineIngestionId",
          String.valueOf(client.onlineIngestion(projectId, featureStoreId, featureGroupId)));
    }

    JsonNode connector = client.kafkaConnector(projectId, featureStoreId, externalListener);
    String bootstrapServers = connector.path("bootstrapServers").asText("");
    if (bootstrapServers.isEmpty()) {
      throw new HopsworksException(
          "Hopsworks' Kafka storage connector has no bootstrapServers: check the cluster's Kafka set-up");
    }
    Map<String, String> producerConfig = KafkaConnectorSettings.producerConfig(connector, client, projectId);
    LOG.info("Hopsworks feature group {} v{} (project {}, id {}): topic {}, brokers {}",
        group.name(), group.version(), projectId, featureGroupId, topic, bootstrapServers);
    return new Resolved(new KafkaTopicBinding(topic, headers), bootstrapServers, producerConfig);
  }

  private static boolean isSecret(String producerKey) {
    String lower = producerKey.toLowerCase(Locale.ROOT);
    return lower.contains("password") || lower.endsWith(".key") || lower.contains("jaas")
        || lower.contains("secret");
  }

  /** Shows where the API key comes from, never the key. */
  @Override
  public String toString() {
    return "HopsworksFeatureStore{host=" + host + ", port=" + port + ", project=" + project
        + ", apiKey=" + apiKey + ", trustStore=" + trustStore + ", hostnameVerification="
        + hostnameVerification + ", createMissingGroups=" + createMissingGroups
        + ", deliveryGuarantee=" + deliveryGuarantee + ", idempotence=" + idempotence
        + ", recordTimestamp=" + recordTimestamp + "}";
  }

  /** Configures a {@link HopsworksFeatureStore}. */
  public static final class Builder {
    private final String host;
    private final int port;
    private final String project;
    private ApiKeySource apiKey = ApiKeySource.environment("HOPSWORKS_API_KEY");
    private String trustStore;
    private String trustStorePassword;
    private boolean hostnameVerification = true;
    private boolean createMissingGroups;
    private boolean externalListener = true;
    private DeliveryGuarantee deliveryGuarantee = DeliveryGuarantee.AT_LEAST_ONCE;
    private boolean idempotence;
    private RecordTimestamp recordTimestamp = RecordTimestamp.WRITE_TIME;
    private String transactionalIdPrefix = "featuresdk";
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Map<String, String> environment;

    private Builder(String host, int port, String project) {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("Hopsworks host must not be blank, e.g. my.hopsworks.ai");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("Hopsworks port must be 1-65535 (usually 443), got " + port);
      }
      if (project == null || project.isBlank()) {
        throw new IllegalArgumentException("Hopsworks project name must not be blank");
      }
      this.host = host;
      this.port = port;
      this.project = project;
    }

    /** Where the API key is read from (default: environment variable HOPSWORKS_API_KEY). */
    public Builder apiKey(ApiKeySource source) {
      this.apiKey = Objects.requireNonNull(source, "source");
      return this;
    }

    /** Trusts the certificates in this JKS/PKCS12 file, e.g. a self-signed cluster's CA. */
    public Builder trustStore(Path path, String password) {
      this.trustStore = path.toAbsolutePath().toString();
      this.trustStorePassword = password;
      return this;
    }

    /** Whether the server certificate must name the host (default true; turn off only on trusted networks). */
    public Builder hostnameVerification(boolean verify) {
      this.hostnameVerification = verify;
      return this;
    }

    /** Creates groups that do not exist yet from the annotation metadata (default false). */
    public Builder createMissingGroups(boolean create) {
      this.createMissingGroups = create;
      return this;
    }

    /**
     * Whether this job runs outside the Hopsworks cluster (default true), which asks Hopsworks for
     * the Kafka connector's externally reachable listener ({@code ?external=true}), as Hopsworks'
     * own client does outside the cluster.
     */
    public Builder externalListener(boolean external) {
      this.externalListener = external;
      return this;
    }

    /**
     * {@code AT_LEAST_ONCE} (default), {@code NONE}, or {@code EXACTLY_ONCE}, which needs Kafka
     * transactions that Hopsworks' authorizer does not grant: it is checked against the brokers
     * while the graph is built and fails there if refused.
     */
    public Builder deliveryGuarantee(DeliveryGuarantee guarantee) {
      this.deliveryGuarantee = Objects.requireNonNull(guarantee, "guarantee");
      return this;
    }

    /**
     * Kafka's idempotent producer ({@code enable.idempotence}); default false, as in Hopsworks'
     * Flink client, because Hopsworks clusters before late 2024 do not grant {@code
     * IdempotentWrite}. Turning it on removes duplicates from producer retries only.
     */
    public Builder idempotence(boolean enabled) {
      this.idempotence = enabled;
      return this;
    }

    /** The time each record carries (default {@link RecordTimestamp#WRITE_TIME}). */
    public Builder recordTimestamp(RecordTimestamp timestamp) {
      this.recordTimestamp = Objects.requireNonNull(timestamp, "timestamp");
      return this;
    }

    /** The start of the Kafka transactional ids, used only with {@code EXACTLY_ONCE}. */
    public Builder transactionalIdPrefix(String prefix) {
      this.transactionalIdPrefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /** How long to wait for Hopsworks' REST API and, with exactly-once, for the brokers. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Environment variables to read the key from instead of the process's; for tests. */
    Builder environment(Map<String, String> variables) {
      this.environment = Map.copyOf(variables);
      return this;
    }

    public HopsworksFeatureStore build() {
      return new HopsworksFeatureStore(this);
    }
  }
}
