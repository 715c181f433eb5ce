package io.featuresdk.runtime.store.hopsworks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few Hopsworks REST calls the feature store needs, on the paths Hopsworks' own Java client
 * uses ({@code /hopsworks-api/api/project/...}), authenticated with {@code Authorization: ApiKey}.
 * Lives only while the job graph is built.
 */
final class HopsworksRestClient {
  private static final Logger LOG = LoggerFactory.getLogger(HopsworksRestClient.class);
  static final String API = "/hopsworks-api/api";

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http;
  private final String base;
  private final String apiKey;
  private final ApiKeySource keySource;

  HopsworksRestClient(String host, int port, SSLContext tls, boolean hostnameVerification,
      String apiKey, ApiKeySource keySource, Duration timeout) {
    this.base = "https://" + host + ":" + port;
    this.apiKey = apiKey;
    this.keySource = keySource;
    this.http =
        HttpClient.newBuilder()
            .sslContext(tls)
            .sslParameters(TlsContexts.parameters(tls, hostnameVerification))
            .connectTimeout(timeout)
            .build();
  }

  /** {@code GET /project/getProjectInfo/{name}} → the project id. */
  int projectId(String project) {
    JsonNode info =
        get(API + "/project/getProjectInfo/" + path(project), "project '" + project + "'")
            .orElseThrow(() -> new HopsworksException(
                "Hopsworks has no project '" + project + "' that this API key can access: check "
                    + "the project name (--project) and that the key's owner is a member"));
    return info.path("projectId").asInt();
  }

  /** {@code GET /project/{id}/featurestores/{project}_featurestore} → the feature store id. */
  int featureStoreId(int projectId, String featureStoreName) {
    JsonNode store =
        get(API + "/project/" + projectId + "/featurestores/" + path(featureStoreName),
                "feature store " + featureStoreName)
            .orElseThrow(() -> new HopsworksException(
                "project " + projectId + " has no feature store " + featureStoreName
                    + ": check the project name and that the feature store service is enabled"));
    return store.path("featurestoreId").asInt();
  }

  /** {@code GET .../featuregroups/{name}?version=v}, empty when the group does not exist. */
  Optional<JsonNode> featureGroup(int projectId, int featureStoreId, String name, int version) {
    return get(
            fs(projectId, featureStoreId) + "/featuregroups/" + path(name) + "?version=" + version,
            "feature group " + name + " v" + version)
        .map(node -> node.isArray() ? node.path(0) : node)
        .filter(node -> !node.isMissingNode() && node.has("id"));
  }

  /** {@code POST .../featuregroups} with a stream feature group definition. */
  JsonNode createFeatureGroup(int projectId, int featureStoreId, ObjectNode definition) {
    return send("POST", fs(projectId, featureStoreId) + "/featuregroups", definition,
        "creating feature group " + definition.path("name").asText());
  }

  /** {@code GET .../kafka/subjects/{name}_{version}/versions/latest} → id and Avro schema. */
  JsonNode subject(int projectId, int featureStoreId, String subject) {
    return get(fs(projectId, featureStoreId) + "/kafka/subjects/" + path(subject) + "/versions/latest",
            "Avro subject " + subject)
        .orElseThrow(() -> new HopsworksException(
            "Hopsworks has no Avro subject " + subject + " for this feature group: is it a stream "
                + "feature group with online or Kafka ingestion? Recreate it as a stream feature group"));
  }

  /** {@code GET .../storageconnectors/kafka_connector/byok?external=...}. */
  JsonNode kafkaConnector(int projectId, int featureStoreId, boolean external) {
    return get(fs(projectId, featureStoreId) + "/storageconnectors/kafka_connector/byok?external="
            + external, "Kafka storage connector")
        .orElseThrow(() -> new HopsworksException(
            "Hopsworks returned no Kafka storage connector for the feature store: check that Kafka "
                + "is enabled on the cluster"));
  }

  /** {@code GET /project/{id}/credentials}: the project user's key and trust stores (JKS, base64). */
  JsonNode credentials(int projectId) {
    return get(API + "/project/" + projectId + "/credentials", "project credentials")
        .orElseThrow(() -> new HopsworksException(
            "Hopsworks returned no client credentials for project " + projectId));
  }

  /** {@code POST .../featuregroups/{id}/online_ingestion} → the ingestion id for the header. */
  long onlineIngestion(int projectId, int featureStoreId, int featureGroupId) {
    JsonNode ingestion =
        send("POST", fs(projectId, featureStoreId) + "/featuregroups/" + featureGroupId
            + "/online_ingestion", json.createObjectNode(), "creating an online ingestion");
    return ingestion.path("id").asLong();
  }

  /**
   * {@code GET /project/{id}/dataset/download/with_auth/{path}?type=DATASET}: a file in the
   * project's datasets, such as the trust store a Kafka connector names, as Hopsworks' Python
   * client downloads it.
   */
  byte[] download(int projectId, String datasetPath) {
    StringBuilder encoded = new StringBuilder();
    for (String segment : datasetPath.split("/")) {
      if (!segment.isEmpty()) {
        encoded.append('/').append(path(segment));
      }
    }
    String pathAndQuery =
        API + "/project/" + projectId + "/dataset/download/with_auth" + encoded + "?type=DATASET";
    HttpResponse<byte[]> response =
        exchange("GET", pathAndQuery, null, "downloading " + datasetPath, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() == 404) {
      throw new HopsworksException(
          "Hopsworks has no file " + datasetPath + " in project " + projectId + ", which the Kafka "
              + "storage connector names: upload it or fix the connector in Hopsworks");
    }
    return response.body();
  }

  private static String fs(int projectId, int featureStoreId) {
    return API + "/project/" + projectId + "/featurestores/" + featureStoreId;
  }

  private static String path(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Optional<JsonNode> get(String pathAndQuery, String what) {
    HttpResponse<String> response = exchange("GET", pathAndQuery, null, what, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(parse(response, what));
  }

  private JsonNode send(String method, String pathAndQuery, JsonNode body, String what) {
    HttpResponse<String> response =
        exchange(method, pathAndQuery, body, what, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 404) {
      throw new HopsworksException(
          "Hopsworks answered 404 Not Found to " + what + " (" + method + " " + pathAndQuery + ")"
              + detail(response));
    }
    return parse(response, what);
  }

  private <T> HttpResponse<T> exchange(
      String method, String pathAndQuery, JsonNode body, String what, HttpResponse.BodyHandler<T> handler) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "ApiKey " + apiKey)
            .header("Accept", "application/json");
    if (body == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    LOG.debug("Hopsworks request: {} {}", method, pathAndQuery);
    HttpResponse<T> response;
    try {
      response = http.send(request.build(), handler);
    } catch (ConnectException | HttpTimeoutException e) {
      throw new HopsworksException(
          "cannot reach Hopsworks at " + base + " (" + describe(e) + "): check the host and port "
              + "(--hopsworks HOST:PORT, usually port 443) and that this machine can reach the cluster");
    } catch (SSLException e) {
      throw new HopsworksException(
          "TLS handshake with Hopsworks at " + base + " failed (" + describe(e) + "): for a cluster "
              + "with a self-signed certificate pass its trust store (trustStore(path, password)); "
              + "if the certificate does not name this host, fix the host name or, only on a "
              + "trusted network, turn hostnameVerification off");
    } catch (IOException e) {
      throw new HopsworksException(
          "request to Hopsworks at " + base + " failed while " + what + " (" + describe(e) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HopsworksException("interrupted while talking to Hopsworks at " + base);
    }
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new HopsworksException(
          "Hopsworks at " + base + " rejected the API key from " + keySource + " (HTTP " + status
              + (status == 401 ? " Unauthorized" : " Forbidden") + ") while " + what
              + ": check that the key is valid, not expired or revoked, belongs to a member of the "
              + "project, and has the scopes featurestore, project and kafka");
    }
    if (status >= 400 && status != 404) {
      throw new HopsworksException(
          "Hopsworks at " + base + " answered HTTP " + status + " to " + method + " " + pathAndQuery
              + " (" + what + ")" + detail(response));
    }
    return response;
  }

  private JsonNode parse(HttpResponse<String> response, String what) {
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new HopsworksException(
          "Hopsworks at " + base + " sent a response that is not JSON for " + what
              + ": is " + base + " a Hopsworks cluster?");
    }
  }

  /** Hopsworks' error JSON carries {@code errorMsg} and {@code usrMsg}; the key is scrubbed. */
  private String detail(HttpResponse<?> response) {
    Object content = response.body();
    String body = content == null ? ""
        : content instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : content.toString();
    try {
      JsonNode error = json.readTree(body);
      String message = error.path("errorMsg").asText("") + " " + error.path("usrMsg").asText("");
      body = message.isBlank() ? body : message.strip();
    } catch (IOException e) {
      // not JSON: show the start of the body as it is
    }
    body = scrub(body);
    return body.isBlank() ? "" : ": " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
  }

  private String scrub(String text) {
    return apiKey.isEmpty() ? text : text.replace(apiKey, "***");
  }

  private String describe(Exception e) {
    String message = e.getMessage() == null ? "" : ": " + scrub(e.getMessage());
    return e.getClass().getSimpleName() + message;
  }
}
