package io.featuresdk.example.ethusd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The real Coinbase messages in {@code ../shared/fixtures/coinbase/} (beside the clone; the build passes the
 * directory as system property {@code featuresdk.shared.dir}), and a plain scan of them that derives what the
 * parser should make of them without using the parser: a trade is a {@code ticker} with a {@code trade_id}; the
 * same trade id of a product twice in one session is one trade.
 */
final class CoinbaseFixtures {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CoinbaseFixtures() {}

  static Path directory() {
    return SharedFixtures.directory("coinbase");
  }

  /** The raw messages of {@code messages.jsonl}, grouped by capture session ({@code sources.tsv}), in order. */
  static Map<String, List<String>> sessions() throws IOException {
    List<String> messages = Files.readAllLines(directory().resolve("messages.jsonl"), StandardCharsets.UTF_8);
    List<String> sources = Files.readAllLines(directory().resolve("sources.tsv"), StandardCharsets.UTF_8);
    Map<String, List<String>> sessions = new LinkedHashMap<>();
    for (String source : sources.subList(1, sources.size())) {
      String[] columns = source.split("\t");
      int line = Integer.parseInt(columns[0]);
      sessions.computeIfAbsent(columns[2], s -> new ArrayList<>()).add(messages.get(line - 1));
    }
    return sessions;
  }

  /** The recorded messages of each file of a recording directory (connection markers left out), by file name. */
  static Map<String, List<String>> recordings(Path directory) throws IOException {
    Map<String, List<String>> files = new LinkedHashMap<>();
    try (Stream<Path> list = Files.list(directory)) {
      for (Path file : list.sorted().toList()) {
        List<String> messages = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
          String line;
          while ((line = in.readLine()) != null) {
            JsonNode recorded = JSON.readTree(line);
            if (recorded.has("message")) {
              messages.add(recorded.get("message").asText());
            }
          }
        }
        files.put(file.getFileName().toString(), messages);
      }
    }
    return files;
  }

  static JsonNode json(String message) {
    try {
      return JSON.readTree(message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String type(String message) {
    JsonNode type = json(message).get("type");
    return type == null ? null : type.asText();
  }

  static boolean isTrade(String message) {
    return "ticker".equals(type(message)) && json(message).hasNonNull("trade_id");
  }

  /** The distinct trades of one session, in first-arrival order, as "product:trade_id". */
  static List<String> distinctTrades(List<String> session) {
    Set<String> trades = new LinkedHashSet<>();
    for (String message : session) {
      if (isTrade(message)) {
        JsonNode ticker = json(message);
        trades.add(ticker.get("product_id").asText() + ":" + ticker.get("trade_id").asLong());
      }
    }
    return new ArrayList<>(trades);
  }

  /** An error reply that no later acknowledgement naming at least one product follows: nothing is subscribed. */
  static boolean endsUnsubscribed(List<String> session) {
    boolean pendingError = false;
    for (String message : session) {
      String type = type(message);
      if ("error".equals(type)) {
        pendingError = true;
      } else if ("subscriptions".equals(type) && json(message).findValues("product_ids").stream()
          .anyMatch(ids -> ids.size() > 0)) {
        pendingError = false;
      }
    }
    return pendingError;
  }
}
