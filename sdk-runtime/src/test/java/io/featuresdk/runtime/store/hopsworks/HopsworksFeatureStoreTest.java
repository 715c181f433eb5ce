package io.featuresdk.runtime.store.hopsworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.FeatureRecord;
import io.featuresdk.runtime.store.FeatureRecordTypeInfo;
import io.featuresdk.runtime.store.kafka.KafkaFeatureStore;
import io.featuresdk.runtime.store.kafka.RecordTimestamp;
import io.featuresdk.runtime.testing.ClickFeaturesCodec;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link HopsworksFeatureStore} against a local HTTPS server that speaks Hopsworks' REST API. */
class HopsworksFeatureStoreTest {
  private static final String KEY = "hwKEY.s3cr3t-0123456789abcdefABCDEF";
  private static final ClickFeaturesCodec CODEC = new ClickFeaturesCodec();

  @TempDir static Path dir;
  private static TestCertificates certificates;
  private static FakeHopsworks hopsworks;

  @BeforeAll
  static void start() throws Exception {
    certificates = TestCertificates.create(dir);
    hopsworks = new FakeHopsworks(certificates.serverKeyStore, TestCertificates.PASSWORD, KEY);
    hopsworks.clientKeyStore = certificates.clientKeyStore;
  }

  @AfterAll
  static void stop() {
    if (hopsworks != null) {
      hopsworks.close();
    }
  }

  private static FeatureGroupTarget target(String name, boolean online) {
    return new FeatureGroupTarget(name, 1, CODEC.schema(name, 1).toString(), List.of("user"),
        "window_end", online, "clicks per user");
  }

  /** Trusts the test CA and reads the key from a fake environment, as a user would with env vars. */
  private static HopsworksFeatureStore.Builder store(String key) {
    return HopsworksFeatureStore.builder("127.0.0.1", hopsworks.port(), "demo")
        .trustStore(certificates.trustStore, TestCertificates.PASSWORD)
        .environment(Map.of("HOPSWORKS_API_KEY", key));
  }

  /** The schema Hopsworks registers for the clicks features: its own record name and namespace. */
  private static String registeredSchema(String name, String countType, String lastField) {
    return "{\"type\":\"record\",\"name\":\"" + name + "_1\",\"namespace\":\"demo_featurestore.db\","
        + "\"fields\":[{\"name\":\"user\",\"type\":[\"null\",\"string\"]},"
        + "{\"name\":\"window_end\",\"type\":[\"null\",{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}]},"
        + "{\"name\":\"count\",\"type\":[\"null\",\"" + countType + "\"]},"
        + "{\"name\":\"sum\",\"type\":[\"null\",\"double\"]},"
        + "{\"name\":\"min\",\"type\":[\"null\",\"double\"]},"
        + "{\"name\":\"" + lastField + "\",\"type\":[\"null\",\"double\"]}]}";
  }

  @Test
  void resolvesTopicHeadersAndKafkaConnectionThroughTheDocumentedRestPaths() {
    int id = hopsworks.addGroup("resolved", 1, true, registeredSchema("resolved", "long", "max"));
    hopsworks.requests.clear();

    HopsworksFeatureStore.Resolved resolved = store(KEY).build().resolve(target("resolved", true));

    assertEquals(hopsworks.topicOf("resolved", 1), resolved.binding.topic());
    assertEquals(
        Map.of("projectId", "119", "featureGroupId", String.valueOf(id), "subjectId", "42",
            "onlineIngestionId", "7"),
        resolved.binding.headers());
    assertEquals(List.of("projectId", "featureGroupId", "subjectId", "onlineIngestionId"),
        List.copyOf(resolved.binding.headers().keySet()), "header order");
    assertEquals(FakeHopsworks.PROJECT_TOPIC, resolved.binding.topic(), "one topic per project");
    assertEquals(hopsworks.bootstrapServers, resolved.bootstrapServers);
    assertEquals("SSL", resolved.producerConfig.get("security.protocol"));
    assertEquals("PEM", resolved.producerConfig.get("ssl.keystore.type"), "managed Kafka: project certificates");
    assertEquals("5", resolved.producerConfig.get("linger.ms"), "connector options");
    String fs = "/hopsworks-api/api/project/119/featurestores/67";
    assertEquals(
        List.of(
            "GET /hopsworks-api/api/project/getProjectInfo/demo",
            "GET /hopsworks-api/api/project/119/featurestores/demo_featurestore",
            "GET " + fs + "/featuregroups/resolved?version=1",
            "GET " + fs + "/kafka/subjects/resolved_1/versions/latest",
            "POST " + fs + "/featuregroups/" + id + "/online_ingestion",
            "GET " + fs + "/storageconnectors/kafka_connector/byok?external=true",
            "GET /hopsworks-api/api/project/119/credentials"),
        hopsworks.requests);
  }

  @Test
  void anOfflineGroupCarriesNoOnlineIngestionHeader() {
    hopsworks.addGroup("offline_only", 1, false, registeredSchema("offline_only", "long", "max"));
    HopsworksFeatureStore.Resolved resolved = store(KEY).build().resolve(target("offline_only", false));
    assertEquals(List.of("projectId", "featureGroupId", "subjectId"),
        List.copyOf(resolved.binding.headers().keySet()));
  }

  @Test
  void aSchemaMismatchFailsWithAFieldByFieldDiff() {
    hopsworks.addGroup("drifted", 1, true, registeredSchema("drifted", "int", "median"));
    HopsworksException e =
        assertThrows(HopsworksException.class, () -> store(KEY).build().resolve(target("drifted", true)));
    String message = e.getMessage();
    assertTrue(message.contains("does not match the one registered in Hopsworks"), message);
    assertTrue(message.contains("~ count: generated [null, long], registered [null, int]"), message);
    assertTrue(message.contains("+ max: [null, double]  (generated, not in the registered group)"), message);
    assertTrue(message.contains("- median: [null, double]  (registered, not generated)"), message);
    assertTrue(message.contains("bump @FeatureGroup(version"), message);
    assertFalse(message.contains("user"), "matching fields are not listed: " + message);
  }

  @Test
  void fieldOrderMattersBecauseRowsArePlainAvroBinary() {
    Schema generated = CODEC.schema("g", 1);
    Schema swapped = new Schema.Parser().parse(
        registeredSchema("g", "long", "max").replace("{\"name\":\"sum\",\"type\":[\"null\",\"double\"]},"
            + "{\"name\":\"min\",\"type\":[\"null\",\"double\"]}",
            "{\"name\":\"min\",\"type\":[\"null\",\"double\"]},{\"name\":\"sum\",\"type\":[\"null\",\"double\"]}"));
    assertEquals(
        List.of("~ sum: generated at position 3, registered at position 4",
            "~ min: generated at position 4, registered at position 3"),
        SchemaDiff.between(generated, swapped));
    assertEquals(List.of(), SchemaDiff.between(generated, new Schema.Parser().parse(registeredSchema("g", "long", "max"))));
  }

  @Test
  void aWrongApiKeyFailsWithA401MessageThatNeverContainsTheKey() {
    String wrong = "wrong-" + KEY;
    HopsworksException e =
        assertThrows(HopsworksException.class, () -> store(wrong).build().resolve(target("clicks", true)));
    assertTrue(e.getMessage().contains("rejected the API key from environment variable HOPSWORKS_API_KEY (HTTP 401 Unauthorized)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("scopes featurestore, project and kafka"), e.getMessage());
    assertFalse(e.getMessage().contains(wrong));
    assertFalse(e.getMessage().contains(KEY));
  }

  @Test
  void anUnreachableHostFailsWithTheAddressAndAHint() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HopsworksException e =
        assertThrows(HopsworksException.class,
            () -> HopsworksFeatureStore.builder("127.0.0.1", closedPort, "demo")
                .environment(Map.of("HOPSWORKS_API_KEY", KEY)).build().resolve(target("clicks", true)));
    assertTrue(e.getMessage().startsWith("cannot reach Hopsworks at https://127.0.0.1:" + closedPort), e.getMessage());
    assertTrue(e.getMessage().contains("check the host and port"), e.getMessage());
  }

  @Test
  void aSelfSignedClusterWithoutATrustStoreFailsTheHandshakeWithAHint() {
    HopsworksException e =
        assertThrows(HopsworksException.class,
            () -> HopsworksFeatureStore.builder("127.0.0.1", hopsworks.port(), "demo")
                .environment(Map.of("HOPSWORKS_API_KEY", KEY)).build().resolve(target("clicks", true)));
    assertTrue(e.getMessage().startsWith("TLS handshake with Hopsworks at https://127.0.0.1:"), e.getMessage());
    assertTrue(e.getMessage().contains("trustStore(path, password)"), e.getMessage());
  }

  @Test
  void hostnameVerificationIsOnByDefaultAndCanBeTurnedOff() {
    hopsworks.addGroup("by_name", 1, false, registeredSchema("by_name", "long", "max"));
    // the certificate names 127.0.0.1 and hopsworks.test, not localhost
    HopsworksFeatureStore.Builder viaLocalhost =
        HopsworksFeatureStore.builder("localhost", hopsworks.port(), "demo")
            .trustStore(certificates.trustStore, TestCertificates.PASSWORD)
            .environment(Map.of("HOPSWORKS_API_KEY", KEY));
    HopsworksException e =
        assertThrows(HopsworksException.class, () -> viaLocalhost.build().resolve(target("by_name", false)));
    assertTrue(e.getMessage().startsWith("TLS handshake"), e.getMessage());
    assertEquals(hopsworks.topicOf("by_name", 1),
        viaLocalhost.hostnameVerification(false).build().resolve(target("by_name", false)).binding.topic());
  }

  @Test
  void aMissingGroupFailsUnlessCreationIsEnabled() {
    HopsworksException e =
        assertThrows(HopsworksException.class, () -> store(KEY).build().resolve(target("absent", true)));
    assertTrue(e.getMessage().startsWith(
        "feature group absent v1 does not exist in feature store demo_featurestore of project demo"), e.getMessage());
    assertTrue(e.getMessage().contains("createMissingGroups(true)"), e.getMessage());
  }

  @Test
  void creationRegistersPrimaryKeyEventTimeOnlineFlagAndDescriptionFromTheAnnotations() {
    HopsworksFeatureStore.Resolved resolved =
        store(KEY).createMissingGroups(true).build().resolve(target("created", true));

    JsonNode definition = hopsworks.created.stream()
        .filter(d -> d.path("name").asText().equals("created")).findFirst().orElseThrow();
    assertEquals("streamFeatureGroupDTO", definition.path("type").asText());
    assertEquals(1, definition.path("version").asInt());
    assertEquals("clicks per user", definition.path("description").asText());
    assertTrue(definition.path("onlineEnabled").asBoolean());
    assertEquals("window_end", definition.path("eventTime").asText());
    // what a current client (hsfs 4.x/5.x) sends besides
    assertEquals("DELTA", definition.path("timeTravelFormat").asText());
    assertEquals("{\"onlineComments\":null,\"tableSpace\":null,\"primaryKeyIndexType\":null}",
        definition.path("onlineConfig").toString());
    assertTrue(definition.path("statisticsConfig").path("enabled").asBoolean());
    assertFalse(definition.path("deprecated").asBoolean(true));
    assertEquals(
        "[{\"name\":\"user\",\"type\":\"string\",\"primary\":true,\"partition\":false},"
            + "{\"name\":\"window_end\",\"type\":\"timestamp\",\"primary\":false,\"partition\":false},"
            + "{\"name\":\"count\",\"type\":\"bigint\",\"primary\":false,\"partition\":false},"
            + "{\"name\":\"sum\",\"type\":\"double\",\"primary\":false,\"partition\":false},"
            + "{\"name\":\"min\",\"type\":\"double\",\"primary\":false,\"partition\":false},"
            + "{\"name\":\"max\",\"type\":\"double\",\"primary\":false,\"partition\":false}]",
        definition.path("features").toString());
    assertEquals(hopsworks.topicOf("created", 1), resolved.binding.topic());
  }

  @Test
  void creationRegistersListFeaturesAsHopsworksArrays() {
    Schema micros = LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
    Schema schema = SchemaBuilder.record("recent_1").fields()
        .name("user").type(nullable(Schema.create(Schema.Type.STRING))).noDefault()
        .name("window_end").type(nullable(micros)).noDefault()
        .name("last_prices").type(nullable(array(Schema.Type.DOUBLE))).noDefault()
        .name("first_pages").type(nullable(array(Schema.Type.STRING))).noDefault()
        .name("last_ids").type(nullable(array(Schema.Type.LONG))).noDefault()
        .endRecord();
    FeatureGroupTarget recent = new FeatureGroupTarget("recent", 1, schema.toString(),
        List.of("user"), "window_end", true, "recent values per user");

    // resolving compares the generated schema with what the server registered for the body
    HopsworksFeatureStore.Resolved resolved =
        store(KEY).createMissingGroups(true).build().resolve(recent);

    JsonNode definition = hopsworks.created.stream()
        .filter(d -> d.path("name").asText().equals("recent")).findFirst().orElseThrow();
    List<String> types = new ArrayList<>();
    definition.path("features").forEach(f -> types.add(f.path("type").asText()));
    assertEquals(List.of("string", "timestamp", "array<double>", "array<string>", "array<bigint>"),
        types);
    assertEquals(hopsworks.topicOf("recent", 1), resolved.binding.topic());
  }

  @Test
  void insertStreamReEncodesComplexFeaturesOnlyForGroupsThatHaveThem() {
    Schema schema = SchemaBuilder.record("recent_1").fields()
        .name("user").type(nullable(Schema.create(Schema.Type.STRING))).noDefault()
        .name("window_end").type(nullable(
            LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG)))).noDefault()
        .name("last_prices").type(nullable(array(Schema.Type.DOUBLE))).noDefault()
        .endRecord();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(1000);
    DataStream<FeatureRecord> records =
        env.fromSequence(0, 1).map(i -> new FeatureRecord("u", i, new byte[0]), FeatureRecordTypeInfo.INSTANCE);
    HopsworksFeatureStore store = store(KEY).createMissingGroups(true).build();

    store.insertStream(new FeatureGroupTarget("recent_lists", 1, schema.toString(), List.of("user"),
        "window_end", true, "lists"), records);
    store.insertStream(target("plain_values", true), records);

    List<String> reEncoding = env.getStreamGraph().getStreamNodes().stream()
        .map(node -> node.getOperatorName())
        .filter(name -> name.contains("complex features as bytes"))
        .toList();
    assertEquals(List.of("recent_lists_1 complex features as bytes"), reEncoding);
  }

  private static Schema array(Schema.Type element) {
    return Schema.createArray(nullable(Schema.create(element)));
  }

  private static Schema nullable(Schema type) {
    return Schema.createUnion(Schema.create(Schema.Type.NULL), type);
  }

  @Test
  void insertStreamFailsWhileTheGraphIsBuiltBeforeTheJobStarts() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.enableCheckpointing(1000);
    DataStream<FeatureRecord> records =
        env.fromSequence(0, 1).map(i -> new FeatureRecord("u", i, new byte[0]), FeatureRecordTypeInfo.INSTANCE);
    HopsworksFeatureStore store = store(KEY).build();
    HopsworksException e =
        assertThrows(HopsworksException.class, () -> store.insertStream(target("not_there", true), records));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void theKeyIsReadFromAFileOrAnEnvironmentVariableWithClearMessagesWhenAbsent() throws Exception {
    hopsworks.addGroup("from_file", 1, false, registeredSchema("from_file", "long", "max"));
    Path keyFile = dir.resolve("api-key.txt");
    Files.writeString(keyFile, KEY + "\n");
    HopsworksFeatureStore fromFile =
        HopsworksFeatureStore.builder("127.0.0.1", hopsworks.port(), "demo")
            .trustStore(certificates.trustStore, TestCertificates.PASSWORD)
            .apiKey(ApiKeySource.file(keyFile)).build();
    assertEquals(hopsworks.topicOf("from_file", 1), fromFile.resolve(target("from_file", false)).binding.topic());

    HopsworksException unset = assertThrows(HopsworksException.class,
        () -> HopsworksFeatureStore.builder("127.0.0.1", hopsworks.port(), "demo")
            .environment(Map.of()).build().resolve(target("from_file", false)));
    assertTrue(unset.getMessage().startsWith(
        "no Hopsworks API key: the environment variable HOPSWORKS_API_KEY is not set"), unset.getMessage());
    HopsworksException noFile = assertThrows(HopsworksException.class,
        () -> HopsworksFeatureStore.builder("127.0.0.1", hopsworks.port(), "demo")
            .apiKey(ApiKeySource.file(dir.resolve("missing.txt"))).build().resolve(target("from_file", false)));
    assertTrue(noFile.getMessage().startsWith("cannot read the Hopsworks API key file"), noFile.getMessage());
  }

  @Test
  void hopsworksManagedKafkaGetsTheProjectCertificatesAsInlinePem() throws Exception {
    hopsworks.addGroup("internal", 1, false, registeredSchema("internal", "long", "max"));
    {
      Map<String, String> config =
          store(KEY).build().resolve(target("internal", false)).producerConfig;
      assertEquals("SSL", config.get("security.protocol"));
      assertEquals("PEM", config.get("ssl.keystore.type"));
      assertEquals("PEM", config.get("ssl.truststore.type"));
      String key = config.get("ssl.keystore.key");
      assertTrue(key.startsWith("-----BEGIN PRIVATE KEY-----\n"), key);
      byte[] der = Base64.getMimeDecoder().decode(
          key.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", ""));
      assertEquals("EC", KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)).getAlgorithm());
      assertEquals(1, CertificateFactory.getInstance("X.509").generateCertificates(
          new ByteArrayInputStream(config.get("ssl.keystore.certificate.chain").getBytes(StandardCharsets.US_ASCII))).size());
      assertTrue(hopsworks.requests.contains("GET /hopsworks-api/api/project/119/credentials"));
    }
  }

  @Test
  void theDefaultsAreWhatHopsworksKafkaAcceptsAtLeastOnceNoIdempotenceWriteTime() {
    hopsworks.addGroup("defaults", 1, false, registeredSchema("defaults", "long", "max"));
    HopsworksFeatureStore store = store(KEY).build();
    KafkaFeatureStore kafka = store.kafkaStore(store.resolve(target("defaults", false)));
    assertEquals(DeliveryGuarantee.AT_LEAST_ONCE, kafka.deliveryGuarantee());
    assertEquals(RecordTimestamp.WRITE_TIME, kafka.recordTimestamp());
    assertTrue(kafka.toString().contains("enable.idempotence=false"), kafka.toString());

    HopsworksFeatureStore chosen = store(KEY).idempotence(true).recordTimestamp(RecordTimestamp.WINDOW_END).build();
    KafkaFeatureStore configured = chosen.kafkaStore(chosen.resolve(target("defaults", false)));
    assertEquals(RecordTimestamp.WINDOW_END, configured.recordTimestamp());
    assertTrue(configured.toString().contains("enable.idempotence=true"), configured.toString());
  }

  @Test
  void aBringYourOwnConnectorsSaslSettingsArePassedOnWithTheJaasConfigKeptSecret() throws Exception {
    hopsworks.addGroup("sasl", 1, false, registeredSchema("sasl", "long", "max"));
    String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required "
        + "username=\"writer\" password=\"sasl-S3cret\";";
    Path trust = certificates.trustStoreOf("sasl-trust.jks", "JKS", certificates.clientKeyStore);
    hopsworks.externalKafka = true;
    hopsworks.securityProtocol = "SASL_SSL";
    hopsworks.connectorOptions.put("sasl.mechanism", "PLAIN");
    hopsworks.connectorOptions.put("sasl.jaas.config", jaas);
    // a trust store path that exists on this machine is read here, not downloaded
    hopsworks.connectorFields.put("sslTruststoreLocation", trust.toString());
    hopsworks.connectorFields.put("sslTruststorePassword", TestCertificates.PASSWORD);
    try (CapturedLogs logs = new CapturedLogs()) {
      HopsworksFeatureStore store = store(KEY).build();
      KafkaFeatureStore kafka = store.kafkaStore(store.resolve(target("sasl", false)));
      String config = kafka.toString();
      assertTrue(config.contains("security.protocol=SASL_SSL"), config);
      assertTrue(config.contains("sasl.mechanism=PLAIN"), config);
      assertTrue(config.contains("sasl.jaas.config=***"), config);
      assertTrue(config.contains("ssl.truststore.type=PEM"), config);
      assertFalse(config.contains("sasl-S3cret"), config);
      for (String line : logs.lines) {
        assertFalse(line.contains("sasl-S3cret"), "SASL password in a log line: " + line);
      }
    } finally {
      hopsworks.externalKafka = false;
      hopsworks.securityProtocol = "SSL";
      hopsworks.connectorOptions.remove("sasl.mechanism");
      hopsworks.connectorOptions.remove("sasl.jaas.config");
      hopsworks.connectorFields.clear();
    }
  }

  @Test
  void connectorStoresAreReadAsJksOrPkcs12WithTheirPasswordsAndAWrongPasswordIsNamedNotShown()
      throws Exception {
    String keyPassword = "key-only-Pa55";
    Path jks = certificates.keyStore("pem-test.jks", "writer", "JKS", keyPassword);
    Path p12 = certificates.keyStore("pem-test.p12", "writer", "PKCS12", TestCertificates.PASSWORD);
    for (Path store : List.of(jks, p12)) {
      String password = store == jks ? keyPassword : null;
      Map<String, String> pem = PemCredentials.keyStore(Files.readAllBytes(store),
          TestCertificates.PASSWORD.toCharArray(), password == null ? null : password.toCharArray(), "test store");
      // the oracle: the key the JDK reads from the store keytool wrote
      java.security.KeyStore original = java.security.KeyStore.getInstance(store == jks ? "JKS" : "PKCS12");
      try (var in = Files.newInputStream(store)) {
        original.load(in, TestCertificates.PASSWORD.toCharArray());
      }
      String alias = original.aliases().nextElement();
      byte[] expectedKey = original.getKey(alias,
          (password == null ? TestCertificates.PASSWORD : password).toCharArray()).getEncoded();
      String key = pem.get("ssl.keystore.key");
      byte[] der = Base64.getMimeDecoder().decode(
          key.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", ""));
      assertTrue(java.util.Arrays.equals(expectedKey, der), store + ": private key");
      assertEquals(original.getCertificate(alias), CertificateFactory.getInstance("X.509").generateCertificate(
          new ByteArrayInputStream(pem.get("ssl.keystore.certificate.chain").getBytes(StandardCharsets.US_ASCII))));
    }
    HopsworksException wrong = assertThrows(HopsworksException.class,
        () -> PemCredentials.trustStore(Files.readAllBytes(p12), "not-the-Pa55word".toCharArray(), "connector trust store"));
    assertTrue(wrong.getMessage().startsWith("cannot read the connector trust store"), wrong.getMessage());
    assertFalse(wrong.getMessage().contains("not-the-Pa55word"), wrong.getMessage());
  }

  @Test
  void theApiKeyAppearsInNoLogLineExceptionOrToString() throws Exception {
    hopsworks.addGroup("logged", 1, true, registeredSchema("logged", "long", "max"));
    hopsworks.addGroup("logged_drift", 1, true, registeredSchema("logged_drift", "int", "max"));
    HopsworksFeatureStore store = store(KEY).createMissingGroups(true).build();
    StringBuilder messages = new StringBuilder();
    try (CapturedLogs logs = new CapturedLogs()) {
      store.resolve(target("logged", true));
      store.resolve(target("logged_created", true));
      for (String group : List.of("logged_drift")) {
        try {
          store.resolve(target(group, true));
        } catch (HopsworksException e) {
          messages.append(e.getMessage()).append('\n');
        }
      }
      try {
        store(KEY + "x").build().resolve(target("logged", true));
      } catch (HopsworksException e) {
        messages.append(e.getMessage()).append('\n');
      }
      assertTrue(logs.lines.stream().anyMatch(l -> l.contains("topic " + hopsworks.topicOf("logged", 1))),
          "the resolution is logged: " + logs.lines);
      for (String line : logs.lines) {
        assertFalse(line.contains(KEY), "API key in a log line: " + line);
      }
    }
    assertFalse(messages.toString().isEmpty());
    assertFalse(messages.toString().contains(KEY), messages.toString());
    assertFalse(store.toString().contains(KEY), store.toString());
    assertTrue(store.toString().contains("apiKey=environment variable HOPSWORKS_API_KEY"), store.toString());
  }
}
