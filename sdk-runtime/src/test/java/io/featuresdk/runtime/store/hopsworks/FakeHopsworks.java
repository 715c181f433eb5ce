package io.featuresdk.runtime.store.hopsworks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A local HTTPS server answering the Hopsworks REST paths featuresdk uses, with the JSON shapes a
 * current (4.x/5.x) server sends and its clients read. One project {@code demo} (id 119) with
 * feature store {@code demo_featurestore} (id 67); the ids the fixture of Hopsworks' own client
 * recorded (group 15, subject 42, online ingestion 7). Like a managed cluster by default: every
 * online group writes to the project topic {@code demo_onlinefs}, and the Kafka connector answers
 * {@code externalKafka=false} with {@code SSL}, so clients fetch the project's certificates.
 */
public final class FakeHopsworks implements AutoCloseable {
  public static final int PROJECT_ID = 119;
  public static final int FEATURE_STORE_ID = 67;
  /** The server names an online group's topic after the project, one topic for all its groups. */
  public static final String PROJECT_TOPIC = "demo_onlinefs";
  private static final String FS = "/hopsworks-api/api/project/" + PROJECT_ID + "/featurestores/" + FEATURE_STORE_ID;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpsServer server;
  private final String apiKey;
  private final Map<String, ObjectNode> groups = new ConcurrentHashMap<>();
  private final Map<String, String> subjects = new ConcurrentHashMap<>();
  final List<String> requests = new CopyOnWriteArrayList<>();
  final List<JsonNode> created = new CopyOnWriteArrayList<>();
  volatile String bootstrapServers = "127.0.0.1:9";
  volatile boolean externalKafka = false;
  volatile String securityProtocol = "SSL";
  volatile Path clientKeyStore;
  /** The project trust store handed out with the key store; the key store itself if unset. */
  volatile Path clientTrustStore;
  /** A bring-your-own connector's fields, e.g. sslTruststoreLocation; empty for a managed cluster. */
  final Map<String, String> connectorFields = new ConcurrentHashMap<>();
  /** The connector's options (name, value), e.g. SASL settings. */
  final Map<String, String> connectorOptions = new ConcurrentHashMap<>(Map.of("linger.ms", "5"));
  /** Files in the project's datasets, by path, for {@code dataset/download}. */
  final Map<String, byte[]> datasets = new ConcurrentHashMap<>();
  private int nextGroupId = 15;

  public FakeHopsworks(Path serverKeyStore, String password, String apiKey) throws Exception {
    this.apiKey = apiKey;
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(serverKeyStore)) {
      store.load(in, password.toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password.toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Registers an existing stream feature group whose Avro subject holds {@code schemaJson}. */
  public synchronized int addGroup(String name, int version, boolean online, String schemaJson) {
    int id = nextGroupId++;
    ObjectNode group = json.createObjectNode();
    group.put("type", "streamFeatureGroupDTO");
    group.put("id", id);
    group.put("name", name);
    group.put("version", version);
    group.put("description", "");
    group.put("featurestoreId", FEATURE_STORE_ID);
    group.put("featurestoreName", "demo_featurestore");
    group.put("onlineEnabled", online);
    group.put("timeTravelFormat", "DELTA");
    group.put("deprecated", false);
    group.put("location", "hopsfs://namenode.service.consul:8020/apps/hive/warehouse/demo_featurestore.db/"
        + name + "_" + version);
    // the server sets onlineTopicName for online and offline stream groups alike
    group.put("onlineTopicName", PROJECT_TOPIC);
    group.putNull("topicName");
    groups.put(name + "_" + version, group);
    subjects.put(name + "_" + version, schemaJson);
    return id;
  }

  public String subjectSchema(String subject) {
    return subjects.get(subject);
  }

  public String topicOf(String name, int version) {
    return groups.get(name + "_" + version).path("onlineTopicName").asText();
  }

  public int idOf(String name, int version) {
    return groups.get(name + "_" + version).path("id").asInt();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      // consume every request body, so the connection can be reused for the client's next request
      byte[] body = exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      String query = exchange.getRequestURI().getQuery();
      requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (!("ApiKey " + apiKey).equals(auth)) {
        reply(exchange, 401, "{\"errorCode\":200003,\"errorMsg\":\"Authorization header not set.\"}");
        return;
      }
      Matcher m;
      if (path.equals("/hopsworks-api/api/project/getProjectInfo/demo")) {
        reply(exchange, 200, "{\"projectId\":" + PROJECT_ID + ",\"projectName\":\"demo\",\"owner\":\"meb10000\"}");
      } else if (path.equals("/hopsworks-api/api/project/" + PROJECT_ID + "/featurestores/demo_featurestore")) {
        reply(exchange, 200, "{\"featurestoreId\":" + FEATURE_STORE_ID
            + ",\"featurestoreName\":\"demo_featurestore\",\"projectId\":" + PROJECT_ID + "}");
      } else if ((m = Pattern.compile(FS + "/featuregroups/([a-z0-9_]+)").matcher(path)).matches()
          && exchange.getRequestMethod().equals("GET")) {
        String version = query == null ? "1" : query.replace("version=", "");
        ObjectNode group = groups.get(m.group(1) + "_" + version);
        if (group == null) {
          reply(exchange, 404, "{\"errorCode\":270009,\"errorMsg\":\"Featuregroup wasn't found.\"}");
        } else {
          ArrayNode array = json.createArrayNode();
          array.add(group);
          reply(exchange, 200, array.toString());
        }
      } else if (path.equals(FS + "/featuregroups") && exchange.getRequestMethod().equals("POST")) {
        JsonNode definition = json.readTree(body);
        created.add(definition);
        String name = definition.path("name").asText();
        int version = definition.path("version").asInt();
        addGroup(name, version, definition.path("onlineEnabled").asBoolean(), schemaFrom(definition));
        reply(exchange, 201, groups.get(name + "_" + version).toString());
      } else if ((m = Pattern.compile(FS + "/kafka/subjects/([a-z0-9_]+)/versions/latest").matcher(path)).matches()) {
        String schema = subjects.get(m.group(1));
        if (schema == null) {
          reply(exchange, 404, "{\"errorCode\":120000,\"errorMsg\":\"Subject not found.\"}");
          return;
        }
        ObjectNode subject = json.createObjectNode();
        subject.put("id", 42);
        subject.put("subject", m.group(1));
        subject.put("version", 1);
        subject.put("schema", schema);
        reply(exchange, 200, subject.toString());
      } else if (path.equals(FS + "/storageconnectors/kafka_connector/byok")) {
        ObjectNode connector = json.createObjectNode();
        connector.put("type", "featurestoreKafkaConnectorDTO");
        connector.put("storageConnectorType", "KAFKA");
        connector.put("id", 1);
        connector.put("name", "kafka_connector");
        connector.put("featurestoreId", FEATURE_STORE_ID);
        connector.put("bootstrapServers", bootstrapServers);
        connector.put("securityProtocol", securityProtocol);
        connector.put("sslEndpointIdentificationAlgorithm", "");
        connector.put("externalKafka", externalKafka);
        connectorFields.forEach(connector::put);
        ArrayNode options = connector.putArray("options");
        connectorOptions.forEach((name, value) -> options.addObject().put("name", name).put("value", value));
        reply(exchange, 200, connector.toString());
      } else if (path.startsWith("/hopsworks-api/api/project/" + PROJECT_ID + "/dataset/download/with_auth/")
          && "type=DATASET".equals(query)) {
        byte[] file = datasets.get(path.substring(
            ("/hopsworks-api/api/project/" + PROJECT_ID + "/dataset/download/with_auth").length()));
        if (file == null) {
          reply(exchange, 404, "{\"errorCode\":110008,\"errorMsg\":\"Path not found.\"}");
        } else {
          exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
          exchange.sendResponseHeaders(200, file.length);
          exchange.getResponseBody().write(file);
        }
      } else if ((m = Pattern.compile(FS + "/featuregroups/(\\d+)/online_ingestion").matcher(path)).matches()) {
        reply(exchange, 201, "{\"id\":7,\"numEntries\":null}");
      } else if (path.equals("/hopsworks-api/api/project/" + PROJECT_ID + "/credentials")) {
        String store = Base64.getEncoder().encodeToString(Files.readAllBytes(clientKeyStore));
        String trust = Base64.getEncoder().encodeToString(
            Files.readAllBytes(clientTrustStore == null ? clientKeyStore : clientTrustStore));
        reply(exchange, 200, "{\"kStore\":\"" + store + "\",\"tStore\":\"" + trust
            + "\",\"password\":\"" + TestCertificates.PASSWORD + "\"}");
      } else {
        reply(exchange, 404, "{\"errorCode\":100000,\"errorMsg\":\"not found: " + path + "\"}");
      }
    }
  }

  /** What Hopsworks would register for the created features, in its Avro conventions. */
  private String schemaFrom(JsonNode definition) {
    List<String> fields = new ArrayList<>();
    for (JsonNode feature : definition.path("features")) {
      fields.add("{\"name\":\"" + feature.path("name").asText() + "\",\"type\":[\"null\","
          + avroType(feature.path("type").asText()) + "]}");
    }
    return "{\"type\":\"record\",\"name\":\"" + definition.path("name").asText() + "_"
        + definition.path("version").asInt() + "\",\"namespace\":\"demo_featurestore.db\",\"fields\":["
        + String.join(",", fields) + "]}";
  }

  /** The server's Hive-to-Avro rule; {@code array<T>} becomes an array of {@code ["null", T]}. */
  private static String avroType(String hiveType) {
    if (hiveType.startsWith("array<") && hiveType.endsWith(">")) {
      String element = hiveType.substring("array<".length(), hiveType.length() - 1);
      return "{\"type\":\"array\",\"items\":[\"null\"," + avroType(element) + "]}";
    }
    return switch (hiveType) {
      case "string" -> "\"string\"";
      case "bigint" -> "\"long\"";
      case "int" -> "\"int\"";
      case "double" -> "\"double\"";
      case "float" -> "\"float\"";
      case "boolean" -> "\"boolean\"";
      case "timestamp" -> "{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}";
      default -> "\"bytes\"";
    };
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** Serves {@code kind} as the bring-your-own connector's store at a dataset path. */
  void serveConnectorStore(String kind, String datasetPath, byte[] store, String password) {
    datasets.put(datasetPath, store);
    connectorFields.put("ssl" + kind + "Location", datasetPath);
    connectorFields.put("ssl" + kind + "Password", password);
  }

  @Override
  public void close() {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }
}
