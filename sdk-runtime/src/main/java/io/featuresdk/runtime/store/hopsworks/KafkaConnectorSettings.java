package io.featuresdk.runtime.store.hopsworks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Kafka producer settings from the feature store's Kafka storage connector, the way Hopsworks'
 * clients read it: the connector's options (e.g. SASL's {@code sasl.mechanism} and {@code
 * sasl.jaas.config}), its security protocol and endpoint identification, and TLS material. For
 * Hopsworks' own Kafka ({@code externalKafka=false}) that is the project's certificates; for a
 * bring-your-own Kafka it is the trust store and key store the connector names (JKS or PKCS12,
 * each with its password), read from this machine if the path exists here, else downloaded from
 * the project's datasets. Stores become inline PEM settings, so the task managers need no files.
 */
final class KafkaConnectorSettings {
  private KafkaConnectorSettings() {}

  static Map<String, String> producerConfig(JsonNode connector, HopsworksRestClient client, int projectId) {
    Map<String, String> config = new LinkedHashMap<>();
    for (JsonNode option : connector.path("options")) {
      config.put(option.path("name").asText(), option.path("value").asText());
    }
    String protocol = text(connector, "securityProtocol");
    config.put("security.protocol", protocol == null ? "SSL" : protocol);
    JsonNode endpoint = connector.path("sslEndpointIdentificationAlgorithm");
    if (endpoint.isTextual()) {
      // Hopsworks answers "HTTPS" or "" (no host name check); absent keeps Kafka's default (https)
      config.put("ssl.endpoint.identification.algorithm",
          "HTTPS".equalsIgnoreCase(endpoint.asText()) ? "https" : "");
    }
    if (!config.get("security.protocol").toUpperCase(Locale.ROOT).contains("SSL")) {
      return config;
    }
    if (!connector.path("externalKafka").asBoolean(false)) {
      JsonNode credentials = client.credentials(projectId);
      config.putAll(PemCredentials.projectCredentials(
          credentials.path("kStore").asText(), credentials.path("tStore").asText(),
          credentials.path("password").asText().toCharArray()));
      return config;
    }
    String trustStore = text(connector, "sslTruststoreLocation");
    if (trustStore != null) {
      config.putAll(PemCredentials.trustStore(read(trustStore, client, projectId),
          chars(text(connector, "sslTruststorePassword")), "Kafka connector's trust store " + trustStore));
    }
    String keyStore = text(connector, "sslKeystoreLocation");
    if (keyStore != null) {
      config.putAll(PemCredentials.keyStore(read(keyStore, client, projectId),
          chars(text(connector, "sslKeystorePassword")), chars(text(connector, "sslKeyPassword")),
          "Kafka connector's key store " + keyStore));
    }
    return config;
  }

  private static byte[] read(String location, HopsworksRestClient client, int projectId) {
    Path local = Path.of(location);
    if (Files.isRegularFile(local)) {
      try {
        return Files.readAllBytes(local);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + location, e);
      }
    }
    return client.download(projectId, location);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() || value.asText().isEmpty() ? null : value.asText();
  }

  private static char[] chars(String password) {
    return password == null ? null : password.toCharArray();
  }
}
