package io.featuresdk.runtime.store.kafka;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Apache Kafka's own broker in KRaft mode (one combined broker + controller node) inside the test
 * JVM, on loopback. Transactions work with one node because the transaction log is configured with
 * replication factor 1.
 */
public final class KafkaTestBroker implements AutoCloseable {
  /** The listener of {@link #startSecured}'s clients: mutual TLS, principals checked by ACLs. */
  private static final String TLS_LISTENER = "CLIENTS";
  /** {@link #startSecured}'s listener for SASL/PLAIN users over (one-way) TLS. */
  private static final String SASL_LISTENER = "SASL_CLIENTS";

  private final KafkaTestCluster cluster;

  private KafkaTestBroker(KafkaTestCluster cluster) {
    this.cluster = cluster;
  }

  public static KafkaTestBroker start() throws Exception {
    return start(Map.of(), Map.of());
  }

  /**
   * A broker configured like Hopsworks' Kafka: clients connect over mutual TLS (the broker's key
   * store, and a trust store of the client certificates it accepts), the principal is the client
   * certificate's common name, and Kafka's own ACL authorizer ({@code StandardAuthorizer}) allows
   * only what ACLs grant. The test's own plaintext listener ({@link #bootstrapServers()}) is
   * a super user, for setting up topics and ACLs and for reading. A third listener takes SASL/PLAIN
   * over TLS ({@link #saslBootstrapServers()}) for {@code saslUsers} (name to password).
   */
  public static KafkaTestBroker startSecured(
      Path keyStore, Path trustStore, String password, Map<String, String> saslUsers) throws Exception {
    // the test kit fixes the listeners; a broker's overrides come last and win
    Map<String, String> overrides = new HashMap<>();
    overrides.put("listeners", "EXTERNAL://localhost:0," + TLS_LISTENER + "://localhost:0,"
        + SASL_LISTENER + "://localhost:0,CONTROLLER://localhost:0");
    overrides.put("listener.security.protocol.map", "EXTERNAL:PLAINTEXT," + TLS_LISTENER + ":SSL,"
        + SASL_LISTENER + ":SASL_SSL,CONTROLLER:PLAINTEXT");
    for (String listener : List.of(TLS_LISTENER, SASL_LISTENER)) {
      String tls = "listener.name." + listener.toLowerCase(Locale.ROOT) + ".";
      overrides.put(tls + "ssl.keystore.location", keyStore.toString());
      overrides.put(tls + "ssl.keystore.password", password);
      overrides.put(tls + "ssl.keystore.type", "PKCS12");
    }
    String sasl = "listener.name." + SASL_LISTENER.toLowerCase(Locale.ROOT) + ".";
    overrides.put(sasl + "sasl.enabled.mechanisms", "PLAIN");
    StringBuilder users = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
    saslUsers.forEach((user, secret) -> users.append(" user_").append(user).append("=\"").append(secret).append('"'));
    overrides.put(sasl + "plain.sasl.jaas.config", users.append(';').toString());
    String prefix = "listener.name." + TLS_LISTENER.toLowerCase(Locale.ROOT) + ".";
    overrides.put(prefix + "ssl.truststore.location", trustStore.toString());
    overrides.put(prefix + "ssl.truststore.password", password);
    overrides.put(prefix + "ssl.truststore.type", "PKCS12");
    overrides.put(prefix + "ssl.client.auth", "required");
    // User:<CN>, like Hopsworks' <project>__<user> principals
    overrides.put(prefix + "ssl.principal.mapping.rules", "RULE:^CN=([^,]*).*$/$1/,DEFAULT");
    Map<String, String> security = Map.of(
        "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
        // the plaintext listeners (controller, test set-up) are not authenticated
        "super.users", "User:ANONYMOUS");
    return start(overrides, security);
  }

  private static KafkaTestBroker start(Map<String, String> brokerOverrides, Map<String, String> extra)
      throws Exception {
    Map<String, String> config = new HashMap<>(extra);
    config.put("transaction.state.log.replication.factor", "1");
    config.put("transaction.state.log.min.isr", "1");
    config.put("transaction.state.log.num.partitions", "4");
    config.put("offsets.topic.replication.factor", "1");
    config.put("offsets.topic.num.partitions", "4");
    config.put("group.initial.rebalance.delay.ms", "0");
    return new KafkaTestBroker(KafkaTestCluster.start(brokerOverrides, config));
  }

  public String bootstrapServers() {
    return cluster.clientProperties().getProperty("bootstrap.servers");
  }

  /** {@code host:port} of the mutual-TLS listener of a {@link #startSecured} broker. */
  public String tlsBootstrapServers() {
    return "localhost:" + cluster.broker().boundPort(new ListenerName(TLS_LISTENER));
  }

  /** {@code host:port} of the SASL/PLAIN-over-TLS listener of a {@link #startSecured} broker. */
  public String saslBootstrapServers() {
    return "localhost:" + cluster.broker().boundPort(new ListenerName(SASL_LISTENER));
  }

  /** An admin client on the super-user listener; the caller closes it. */
  public Admin admin() {
    return Admin.create(cluster.clientProperties());
  }

  public void createTopic(String topic, int partitions) throws Exception {
    try (Admin admin = Admin.create(cluster.clientProperties())) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
  }

  /**
   * Every record of {@code topic} a consumer with {@code isolation.level=read_committed} sees:
   * reads each partition up to its last stable offset, so the result is complete once the
   * producing job has finished, with no waiting on time.
   */
  public List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
    return read(topic, "read_committed");
  }

  /**
   * Every record of {@code topic} as Hopsworks' own consumers see it: Kafka's default {@code
   * read_uncommitted}, up to the end offsets, so complete once the producing job has finished.
   */
  public List<ConsumerRecord<byte[], byte[]>> readUncommitted(String topic) {
    return read(topic, "read_uncommitted");
  }

  private List<ConsumerRecord<byte[], byte[]>> read(String topic, String isolation) {
    Properties properties = new Properties();
    properties.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    properties.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    properties.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      Set<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .collect(Collectors.toSet());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
      return records;
    }
  }

  public static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
