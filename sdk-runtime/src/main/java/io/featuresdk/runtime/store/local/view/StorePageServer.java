package io.featuresdk.runtime.store.local.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.local.LocalFeatureStoreReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A read-only web page over a local feature store, served by the JDK's own HTTP server: the groups
 * with their schema, row counts, keys and the age of their newest rows; per group the online rows
 * and a chart of each feature of one key over the offline rows. The page polls, so it follows a
 * job that is writing. Each request opens the store afresh, so groups a job registers later show up.
 *
 * <pre>{@code
 * try (StorePageServer page = StorePageServer.start(Path.of("feature-store"), 8081)) {
 *   System.out.println("store page: " + page.uri());
 *   ...
 * }
 * }</pre>
 *
 * <p>The chart library (uPlot) comes from the {@code org.webjars.npm:uplot} jar on the class path
 * and is served from there: the page loads nothing from the internet.
 */
public final class StorePageServer implements AutoCloseable {
  /** The web jar's coordinates, for the message when it is missing. */
  static final String UPLOT_ARTIFACT = "org.webjars.npm:uplot:1.6.30";
  private static final String OWN_RESOURCES = "/io/featuresdk/runtime/store/local/view/";

  private final HttpServer server;
  private final ExecutorService threads;

  private StorePageServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /** Serves the store under {@code root} on 127.0.0.1 at {@code port} (0: any free port). */
  public static StorePageServer start(Path root, int port) {
    return start(root, new InetSocketAddress("127.0.0.1", port), Clock.systemUTC());
  }

  /**
   * Serves the store under {@code root} at {@code address}; {@code clock} tells the age of rows.
   *
   * @throws IllegalStateException if the chart library's web jar is not on the class path
   * @throws UncheckedIOException if the address cannot be bound (e.g. the port is taken)
   */
  public static StorePageServer start(Path root, InetSocketAddress address, Clock clock) {
    String uplotDir = uplotDirectory();
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve the store page on " + address + ": " + e.getMessage()
              + "; choose another port with --port", e);
    }
    StoreApi api = new StoreApi(root, clock);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      switch (path) {
        case "/" -> resource(exchange, OWN_RESOURCES + "index.html", "text/html");
        case "/static/app.js" -> resource(exchange, OWN_RESOURCES + "app.js", "text/javascript");
        case "/static/app.css" -> resource(exchange, OWN_RESOURCES + "app.css", "text/css");
        case "/lib/uplot.js" -> resource(exchange, uplotDir + "uPlot.iife.min.js", "text/javascript");
        case "/lib/uplot.css" -> resource(exchange, uplotDir + "uPlot.min.css", "text/css");
        case "/api/groups" -> json(exchange, query -> api.groups());
        case "/api/online" -> json(exchange, api::online);
        case "/api/series" -> json(exchange, api::series);
        default -> send(exchange, 404, "text/plain", ("no page " + path).getBytes(StandardCharsets.UTF_8));
      }
    });
    ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "store-page-http");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(threads);
    server.start();
    return new StorePageServer(server, threads);
  }

  /** The page's address, e.g. {@code http://127.0.0.1:8081/}. */
  public URI uri() {
    InetSocketAddress bound = server.getAddress();
    return URI.create("http://" + bound.getHostString() + ":" + bound.getPort() + "/");
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  /** Where the web jar keeps uPlot's files, found by the version its Maven metadata names. */
  private static String uplotDirectory() {
    try (InputStream in = StorePageServer.class.getResourceAsStream(
        "/META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "the store page needs " + UPLOT_ARTIFACT + " (its chart library) on the class path: "
                + "sdk-runtime declares it optional; add it to your project's dependencies");
      }
      Properties properties = new Properties();
      properties.load(in);
      return "/META-INF/resources/webjars/uplot/" + properties.getProperty("version") + "/dist/";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the version of " + UPLOT_ARTIFACT, e);
    }
  }

  private static void resource(HttpExchange exchange, String name, String type) throws IOException {
    try (InputStream in = StorePageServer.class.getResourceAsStream(name)) {
      if (in == null) {
        send(exchange, 404, "text/plain", ("missing resource " + name).getBytes(StandardCharsets.UTF_8));
      } else {
        send(exchange, 200, type + "; charset=utf-8", in.readAllBytes());
      }
    }
  }

  private static void json(HttpExchange exchange, Function<Map<String, String>, ObjectNode> answer)
      throws IOException {
    ObjectNode doc;
    int status = 200;
    try {
      doc = answer.apply(query(exchange.getRequestURI()));
    } catch (IllegalArgumentException e) {
      // no store yet, an unknown group: the page shows the message and keeps polling
      status = 404;
      doc = StoreJson.error(e.getMessage());
    } catch (RuntimeException e) {
      status = 500;
      doc = StoreJson.error(String.valueOf(e.getMessage()));
    }
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    send(exchange, status, "application/json", StoreJson.bytes(doc));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      if (method.equals("HEAD")) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> parameters = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return parameters;
  }

  /** The JSON answers, each from a freshly opened store. */
  private record StoreApi(Path root, Clock clock) {
    ObjectNode groups() {
      try (LocalFeatureStoreReader store = LocalFeatureStoreReader.open(root)) {
        List<GroupSummary> summaries = new ArrayList<>();
        for (FeatureGroupTarget group : store.groups()) {
          summaries.add(GroupSummary.read(store, group));
        }
        return StoreJson.groups(summaries, clock.instant());
      }
    }

    ObjectNode online(Map<String, String> query) {
      try (LocalFeatureStoreReader store = LocalFeatureStoreReader.open(root)) {
        FeatureGroupTarget group = group(store, query);
        return StoreJson.onlineRows(group,
            group.online() ? store.online().readOnlineRows(group.name(), group.version()) : List.of());
      }
    }

    ObjectNode series(Map<String, String> query) {
      try (LocalFeatureStoreReader store = LocalFeatureStoreReader.open(root)) {
        return StoreJson.series(FeatureSeries.read(store, group(store, query), required(query, "key")));
      }
    }

    private static FeatureGroupTarget group(LocalFeatureStoreReader store, Map<String, String> query) {
      String version = required(query, "version");
      try {
        return store.group(required(query, "group"), Integer.parseInt(version));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("version must be a number, got '" + version + "'");
      }
    }

    private static String required(Map<String, String> query, String name) {
      String value = query.get(name);
      if (value == null) {
        throw new IllegalArgumentException("missing query parameter '" + name + "'");
      }
      return value;
    }
  }
}
