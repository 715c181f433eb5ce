package io.featuresdk.runtime.store.hopsworks;

import static io.featuresdk.runtime.store.kafka.KafkaTestBroker.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.FeaturePipeline;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.kafka.KafkaTestBroker;
import io.featuresdk.runtime.testing.Click;
import io.featuresdk.runtime.testing.ClickFeatureGroup;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickOracle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HopsworksFeatureStore} against a Kafka broker secured like Hopsworks': mutual TLS, the
 * certificate's common name as principal, Kafka's own ACL authorizer, and a project user allowed
 * to write and describe the project topic and (on clusters since late 2024) idempotent writes,
 * but no transactional ids. The REST side is the fake, answering like a managed cluster (project
 * certificates) or with a bring-your-own connector (its own trust and key stores).
 */
class HopsworksKafkaAuthorizationITCase {
  private static final String KEY = "authz-api-key-0123456789";
  private static final String BYOK_KEY_PASSWORD = "byok-key-S3cret!";
  private static final String SASL_PASSWORD = "sasl-S3cret-for-byok";
  private static final long T0 = 1_700_000_000_000L;
  private static final WindowSpec TUMBLING_6S = WindowSpec.tumbling(Duration.ofSeconds(6));
  private static final String TOPIC = FakeHopsworks.PROJECT_TOPIC;

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir static Path dir;
  private static KafkaTestBroker broker;
  private static FakeHopsworks hopsworks;
  private static TestCertificates certificates;
  private static Path deniedIdempotenceKeyStore;
  private static Path byokKeyStore;
  private static Path byokTrustStore;

  @BeforeAll
  static void start() throws Exception {
    certificates = TestCertificates.create(dir);
    Path brokerKeyStore = certificates.keyStore("broker.p12", "localhost", "PKCS12", TestCertificates.PASSWORD);
    deniedIdempotenceKeyStore =
        certificates.keyStore("old_cluster.jks", "demo__olduser", "JKS", TestCertificates.PASSWORD);
    byokKeyStore = certificates.keyStore("byok.jks", "byok_writer", "JKS", BYOK_KEY_PASSWORD);
    byokTrustStore = certificates.trustStoreOf("byok-trust.p12", "PKCS12", brokerKeyStore);
    Path brokerTrust = certificates.trustStoreOf("broker-trust.p12", "PKCS12",
        certificates.clientKeyStore, deniedIdempotenceKeyStore, byokKeyStore);
    broker = KafkaTestBroker.startSecured(
        brokerKeyStore, brokerTrust, TestCertificates.PASSWORD, Map.of("byok_sasl", SASL_PASSWORD));
    broker.createTopic(TOPIC, 2);

    hopsworks = new FakeHopsworks(certificates.serverKeyStore, TestCertificates.PASSWORD, KEY);
    hopsworks.bootstrapServers = broker.tlsBootstrapServers();
    hopsworks.clientKeyStore = certificates.clientKeyStore;
    hopsworks.clientTrustStore = certificates.trustStoreOf("project-trust.jks", "JKS", brokerKeyStore);

    try (Admin admin = broker.admin()) {
      List<AclBinding> acls = new ArrayList<>();
      for (String user : List.of("demo__meb10000", "demo__olduser", "byok_writer", "byok_sasl")) {
        acls.add(acl(user, ResourceType.TOPIC, TOPIC, AclOperation.WRITE, AclPermissionType.ALLOW));
        acls.add(acl(user, ResourceType.TOPIC, TOPIC, AclOperation.DESCRIBE, AclPermissionType.ALLOW));
        // a cluster before late 2024 grants no IdempotentWrite; deny it outright here
        acls.add(acl(user, ResourceType.CLUSTER, "kafka-cluster", AclOperation.IDEMPOTENT_WRITE,
            user.equals("demo__olduser") ? AclPermissionType.DENY : AclPermissionType.ALLOW));
      }
      admin.createAcls(acls).all().get();
      awaitAcls(admin, acls.size());
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (hopsworks != null) {
      hopsworks.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static AclBinding acl(
      String user, ResourceType type, String name, AclOperation operation, AclPermissionType permission) {
    return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
        new AccessControlEntry("User:" + user, "*", operation, permission));
  }

  /** ACLs reach the broker's authorizer through the metadata log; wait until it lists them all. */
  private static void awaitAcls(Admin admin, int count) throws Exception {
    AclBindingFilter all = new AclBindingFilter(ResourcePatternFilter.ANY, AccessControlEntryFilter.ANY);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (admin.describeAcls(all).values().get().size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the broker did not apply the ACLs within 30 s");
      }
      Thread.onSpinWait();
    }
  }

  private static HopsworksFeatureStore.Builder store() {
    return HopsworksFeatureStore.builder("127.0.0.1", hopsworks.port(), "demo")
        .trustStore(certificates.trustStore, TestCertificates.PASSWORD)
        .environment(Map.of("HOPSWORKS_API_KEY", KEY))
        .createMissingGroups(true)
        .connectTimeout(Duration.ofSeconds(10));
  }

  private static List<Click> events(long seed) {
    Random random = new Random(seed);
    List<Click> events = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      events.add(new Click("user" + random.nextInt(4), T0 + i * 100L, random.nextInt(1000) / 10.0));
    }
    return events;
  }

  private static StreamExecutionEnvironment environment() {
    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    // a refused producer must fail the test, not restart
    config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(2);
    env.enableCheckpointing(200);
    return env;
  }

  /** Runs the pipeline into Hopsworks and checks the group's rows against the oracle. */
  private static void writesEveryRow(String prefix, HopsworksFeatureStore store, long seed) throws Exception {
    List<Click> events = events(seed);
    ClickFeatureGroup group = new ClickFeatureGroup(prefix + "_{window}", Duration.ofSeconds(1), true, TUMBLING_6S);
    StreamExecutionEnvironment env = environment();
    long until = T0 + events.size() * 100L;
    FeaturePipeline.of(group)
        .withInputCoverage(Instant.ofEpochMilli(T0), Instant.ofEpochMilli(until))
        .from(env.fromData(events, TypeInformation.of(Click.class)))
        .insertStream(store);
    long before = System.currentTimeMillis();
    env.execute(prefix);
    long after = System.currentTimeMillis();

    String name = prefix + "_6s";
    String groupId = String.valueOf(hopsworks.idOf(name, 1));
    Schema registered = new Schema.Parser().parse(hopsworks.subjectSchema(name + "_1"));
    // Hopsworks gets the complete windows only
    Map<String, ClickFeatures> complete =
        ClickOracle.inside(ClickOracle.rows(events, TUMBLING_6S), TUMBLING_6S, T0, until);
    Map<String, ClickFeatures> expected = new TreeMap<>(complete);
    int rows = 0;
    // Hopsworks' own consumers read with Kafka's default isolation, read_uncommitted
    for (ConsumerRecord<byte[], byte[]> record : broker.readUncommitted(TOPIC)) {
      Header header = record.headers().lastHeader("featureGroupId");
      if (!groupId.equals(utf8(header.value()))) {
        continue; // another group of the project shares the topic
      }
      rows++;
      GenericRecord row = new GenericDatumReader<GenericRecord>(registered)
          .read(null, DecoderFactory.get().binaryDecoder(record.value(), null));
      String user = row.get("user").toString();
      ClickFeatures want = expected.remove(user + "@" + (long) row.get("window_end") / 1000);
      assertEquals(want.count, (long) row.get("count"), user);
      assertEquals(want.sum, (double) row.get("sum"), 1e-9);
      assertEquals(user, utf8(record.key()));
      assertEquals(TimestampType.CREATE_TIME, record.timestampType());
      assertTrue(record.timestamp() >= before && record.timestamp() <= after,
          "record timestamp = write time by default, got " + record.timestamp());
    }
    assertEquals(Map.of(), expected, "rows never written");
    assertEquals(complete.size(), rows, "rows written more than once, or truncated ones written");
    // no transactions: a plain read_committed consumer sees the same records
    assertEquals(broker.readUncommitted(TOPIC).size(), broker.readCommitted(TOPIC).size());
  }

  @Test
  void theDefaultWritesEveryRowWithAProjectUserThatHasNoTransactionalIdPermission() throws Exception {
    HopsworksFeatureStore store = store().build();
    assertTrue(store.toString().contains("deliveryGuarantee=at-least-once, idempotence=false"), store.toString());
    writesEveryRow("authz_default", store, 1);
  }

  @Test
  void exactlyOnceIsRefusedWhileTheGraphIsBuiltNamingTheOptionToChange() {
    StreamExecutionEnvironment env = environment();
    ClickFeatureGroup group = new ClickFeatureGroup("authz_eos_{window}", Duration.ofSeconds(1), true, TUMBLING_6S);
    HopsworksFeatureStore store = store().deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).build();
    HopsworksException e = assertThrows(HopsworksException.class,
        () -> FeaturePipeline.of(group).from(env.fromData(events(2), TypeInformation.of(Click.class)))
            .insertStream(store));
    assertTrue(e.getMessage().contains("refuses Kafka transactions"), e.getMessage());
    assertTrue(e.getMessage().contains("TransactionalIdAuthorizationException"), e.getMessage());
    assertTrue(e.getMessage().contains("deliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)"), e.getMessage());
  }

  @Test
  void onAClusterThatAlsoDeniesIdempotentWritesTheDefaultStillWritesEveryRow() throws Exception {
    hopsworks.clientKeyStore = deniedIdempotenceKeyStore;
    try {
      writesEveryRow("authz_old_cluster", store().build(), 3);
      StreamExecutionEnvironment env = environment();
      ClickFeatureGroup group =
          new ClickFeatureGroup("authz_old_eos_{window}", Duration.ofSeconds(1), true, TUMBLING_6S);
      HopsworksException e = assertThrows(HopsworksException.class,
          () -> FeaturePipeline.of(group).from(env.fromData(events(4), TypeInformation.of(Click.class)))
              .insertStream(store().deliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).build()));
      assertTrue(e.getMessage().contains("deliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)"), e.getMessage());
    } finally {
      hopsworks.clientKeyStore = certificates.clientKeyStore;
    }
  }

  @Test
  void aBringYourOwnKafkaConnectorsTrustStoreAndKeyStoreAreUsedAndTheirPasswordsNeverLogged()
      throws Exception {
    hopsworks.requests.clear();
    hopsworks.externalKafka = true;
    hopsworks.serveConnectorStore("Truststore", "/Projects/demo/Resources/byok-trust.p12",
        Files.readAllBytes(byokTrustStore), TestCertificates.PASSWORD);
    hopsworks.serveConnectorStore("Keystore", "/Projects/demo/Resources/byok.jks",
        Files.readAllBytes(byokKeyStore), TestCertificates.PASSWORD);
    hopsworks.connectorFields.put("sslKeyPassword", BYOK_KEY_PASSWORD);
    // the broker certificate names localhost: keep Kafka's host name check on
    hopsworks.connectorFields.put("sslEndpointIdentificationAlgorithm", "HTTPS");
    try (CapturedLogs logs = new CapturedLogs()) {
      writesEveryRow("authz_byok", store().build(), 5);
      assertTrue(hopsworks.requests.contains(
          "GET /hopsworks-api/api/project/119/dataset/download/with_auth/Projects/demo/Resources/byok.jks?type=DATASET"),
          "the key store is downloaded from the project's datasets");
      assertFalse(hopsworks.requests.contains("GET /hopsworks-api/api/project/119/credentials"),
          "a bring-your-own Kafka needs no project certificates");
      for (String line : logs.lines) {
        assertFalse(line.contains(BYOK_KEY_PASSWORD), "key password in a log line: " + line);
        assertFalse(line.contains(TestCertificates.PASSWORD), "store password in a log line: " + line);
        assertFalse(line.contains("BEGIN PRIVATE KEY"), "private key in a log line: " + line);
      }
    } finally {
      hopsworks.externalKafka = false;
      hopsworks.connectorFields.clear();
      hopsworks.requests.clear();
    }
  }

  @Test
  void aBringYourOwnSaslConnectorsMechanismAndJaasConfigAreUsedAndThePasswordNeverLogged()
      throws Exception {
    hopsworks.requests.clear();
    hopsworks.externalKafka = true;
    hopsworks.securityProtocol = "SASL_SSL";
    hopsworks.bootstrapServers = broker.saslBootstrapServers();
    hopsworks.connectorOptions.put("sasl.mechanism", "PLAIN");
    hopsworks.connectorOptions.put("sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"byok_sasl\" "
            + "password=\"" + SASL_PASSWORD + "\";");
    hopsworks.serveConnectorStore("Truststore", "/Projects/demo/Resources/byok-trust.p12",
        Files.readAllBytes(byokTrustStore), TestCertificates.PASSWORD);
    try (CapturedLogs logs = new CapturedLogs()) {
      writesEveryRow("authz_sasl", store().build(), 7);
      for (String line : logs.lines) {
        assertFalse(line.contains(SASL_PASSWORD), "SASL password in a log line: " + line);
        assertFalse(line.contains(TestCertificates.PASSWORD), "store password in a log line: " + line);
      }
    } finally {
      hopsworks.externalKafka = false;
      hopsworks.securityProtocol = "SSL";
      hopsworks.bootstrapServers = broker.tlsBootstrapServers();
      hopsworks.connectorOptions.remove("sasl.mechanism");
      hopsworks.connectorOptions.remove("sasl.jaas.config");
      hopsworks.connectorFields.clear();
    }
  }
}
