package io.featuresdk.runtime.store.local.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.featuresdk.runtime.store.local.FeatureRows;
import io.featuresdk.runtime.store.local.ViewedStore;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store page's server and JSON API over a store with known rows. */
class StorePageServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2023-11-14T23:00:00Z");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path root;
  private static StorePageServer page;

  @BeforeAll
  static void start() throws Exception {
    ViewedStore.write(root);
    page = StorePageServer.start(root, new InetSocketAddress("127.0.0.1", 0),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterAll
  static void stop() {
    page.close();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(page.uri().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(String path) throws Exception {
    HttpResponse<String> response = get(path);
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }

  private static JsonNode group(JsonNode groups, String name) {
    for (JsonNode group : groups.get("groups")) {
      if (group.get("name").asText().equals(name)) {
        return group;
      }
    }
    throw new AssertionError(name + " not listed in " + groups);
  }

  @Test
  void listensOnLoopbackOnly() {
    assertEquals("127.0.0.1", page.uri().getHost());
  }

  @Test
  void groupsCarryCountsKeysSchemaAndTheAgeOfTheNewestRow() throws Exception {
    JsonNode groups = json("api/groups");

    assertEquals(2, groups.get("groups").size());
    JsonNode visits = group(groups, ViewedStore.VISITS_GROUP);
    int rows = ViewedStore.VISITS.values().stream().mapToInt(List::size).sum();
    assertEquals(rows, visits.get("offlineRows").asInt());
    assertEquals(ViewedStore.VISITS.size(), visits.get("onlineRows").asInt());
    assertEquals(new ArrayList<>(ViewedStore.visitKeys()), strings(visits.get("keys")));
    assertEquals(List.of("user", "page"), strings(visits.get("primaryKey")));
    assertEquals("double?", visits.get("schema").get(4).get("type").asText());
    assertEquals("timestamp-micros?", visits.get("schema").get(2).get("type").asText());
    Instant newest = ViewedStore.VISITS.values().stream().flatMap(List::stream)
        .map(row -> Instant.ofEpochMilli((Long) row.get("timestamp") / 1000))
        .max(Instant::compareTo).orElseThrow();
    assertEquals(newest.toString(), visits.get("newestEventTime").asText());
    assertEquals(NOW.getEpochSecond() - newest.getEpochSecond(), visits.get("ageSeconds").asLong());

    JsonNode clicks = group(groups, ViewedStore.CLICKS_GROUP);
    assertEquals(false, clicks.get("online").asBoolean());
    assertEquals(3, clicks.get("offlineRows").asInt());
    assertEquals(List.of("u1", "u2"), strings(clicks.get("keys")));
  }

  @Test
  void seriesHasOnePointPerOfflineRowOfTheKeyWithGapsForMissingValues() throws Exception {
    for (String key : ViewedStore.visitKeys()) {
      JsonNode series = json("api/series?group=" + ViewedStore.VISITS_GROUP + "&version=1&key="
          + URLEncoder.encode(key, StandardCharsets.UTF_8));

      List<GenericRecord> rows = ViewedStore.VISITS.get(key);
      assertEquals(rows.size(), series.get("times").size(), key);
      assertEquals(List.of("visits", "seconds_avg", "order"),
          iterate(series.get("features").fieldNames()));
      for (int i = 0; i < rows.size(); i++) {
        GenericRecord row = rows.get(i);
        assertEquals(FeatureRows.instant(row, "timestamp").getEpochSecond(),
            series.get("times").get(i).asLong());
        assertEquals((Long) row.get("visits"), series.get("features").get("visits").get(i).asLong());
        Double seconds = (Double) row.get("seconds_avg");
        JsonNode drawn = series.get("features").get("seconds_avg").get(i);
        assertEquals(seconds == null, drawn.isNull(), key + " row " + i);
        if (seconds != null) {
          assertEquals(seconds, drawn.asDouble());
        }
      }
    }
  }

  @Test
  void onlineRowsAreTheLatestRowPerKey() throws Exception {
    JsonNode online = json("api/online?group=" + ViewedStore.VISITS_GROUP + "&version=1");

    assertEquals("user", online.get("columns").get(0).asText());
    assertEquals(ViewedStore.VISITS.size(), online.get("rows").size());
    int row = 0;
    for (List<GenericRecord> rows : ViewedStore.VISITS.values()) {
      GenericRecord latest = rows.get(rows.size() - 1);
      JsonNode cells = online.get("rows").get(row++);
      assertEquals(latest.get("user").toString(), cells.get(0).asText());
      assertEquals(FeatureRows.instant(latest, "timestamp").toString(), cells.get(2).asText());
      assertEquals((Long) latest.get("visits"), cells.get(3).asLong());
    }
  }

  @Test
  void servesThePageAndTheChartLibraryFromTheJar() throws Exception {
    HttpResponse<String> index = get("");
    HttpResponse<String> uplot = get("lib/uplot.js");

    assertEquals(200, index.statusCode());
    assertTrue(index.body().contains("<script src=\"lib/uplot.js\">"), index.body());
    assertEquals(200, uplot.statusCode());
    assertTrue(uplot.body().contains("uPlot"));
    assertEquals(200, get("static/app.js").statusCode());
    assertEquals(200, get("lib/uplot.css").statusCode());
  }

  @Test
  void anUnknownGroupIsANotFoundNamingTheRegisteredOnes() throws Exception {
    HttpResponse<String> response = get("api/online?group=nope&version=1");

    assertEquals(404, response.statusCode());
    assertTrue(response.body().contains(ViewedStore.VISITS_GROUP), response.body());
  }

  @Test
  void isReadOnly() throws Exception {
    HttpResponse<String> post = HTTP.send(
        HttpRequest.newBuilder(page.uri().resolve("api/groups"))
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(405, post.statusCode());
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static List<String> iterate(java.util.Iterator<String> names) {
    List<String> values = new ArrayList<>();
    names.forEachRemaining(values::add);
    return values;
  }
}
