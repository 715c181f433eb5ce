package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.source.websocket.WebSocketSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Coinbase source ({@link CoinbaseFeed} on the runtime's WebSocket source) against a scripted local server
 * that misbehaves on purpose: dropped connections, repeated and skipped messages, fuzzed messages, no
 * acknowledgement, stopped heartbeats.
 *
 * <p>The tickers served here have contiguous per-product trade ids (the generator's, renumbered) and sequence
 * numbers that jump as on the real ticker channel, so every gap and duplicate the metrics count is one the
 * script made.
 */
class CoinbaseSourceResilienceITCase {

  private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setConfiguration(REPORTER.addToConfiguration(new Configuration()))
          .setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(1)
          .build());

  private static final List<String> PRODUCTS = List.of("ETH-USD");
  private static final String SUBSCRIBE = CoinbaseFeed.subscribeMessage(PRODUCTS);
  private static final String ACK = CoinbaseMessages.subscriptions(CoinbaseFeed.CHANNELS, PRODUCTS);
  private static final long FIRST_SEQUENCE = 90_000_000_000L;
  private static final long FIRST_TRADE_ID = 612_000_000L;

  @Test
  void reconnectsAfterEachOfThreeDropsResubscribesAndCountsGapsAndDuplicatesExactly() throws Exception {
    List<Ticker> tickers = contiguousTickers(400);
    // connection -> [from, to) of the tickers it serves; connections 1-3 are dropped after their slice
    int[][] slices = {{0, 100}, {103, 200}, {198, 300}, {310, 400}};
    List<Ticker> expected = new ArrayList<>();
    expected.addAll(tickers.subList(0, 100));
    expected.addAll(tickers.subList(103, 300)); // 198 and 199 are served twice, delivered once
    expected.addAll(tickers.subList(310, 400));

    try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((session, text) -> {
      int[] slice = slices[Math.min(session.index(), slices.length) - 1];
      List<String> messages = new ArrayList<>();
      messages.add(ACK);
      messages.addAll(messages(tickers.subList(slice[0], slice[1])));
      if (session.index() < slices.length) {
        session.sendThenDrop(messages);
      } else {
        session.send(messages); // and stays open: the test cancels the job
      }
    })) {
      WebSocketSource<Ticker> source = CoinbaseFeed.builder(server.uri(), PRODUCTS)
          .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(100))
          .build();
      Run run = collect(source, expected.size());

      assertEquals(expected, run.tickers);
      assertEquals(Collections.nCopies(4, SUBSCRIBE), server.received(), "subscribed once per connection");
      assertEquals(3L, gauge(run.job, "reconnects"));
      assertEquals(2, counter(run.job, "sequenceGaps"), "100 -> 103 and 299 -> 310");
      assertEquals(3 + 10, counter(run.job, "lostMessages"));
      assertEquals(2, counter(run.job, "duplicates"), "198 and 199 again after the third connect");
      assertEquals(4, counter(run.job, "coinbase.subscriptionAcks"));
      assertTrue((Long) gauge(run.job, "lastMessageAgeMillis") >= 0);
      // cancelling the job closed the fourth connection, which the server had left open
      server.allConnectionsClosed().get(30, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  @Test
  void tenThousandMalformedMessagesAreEachCountedAndEveryGoodTickerAroundThemDelivered() throws Exception {
    int malformed = 10_000;
    List<Ticker> tickers = contiguousTickers(malformed / 10);
    List<String> good = messages(tickers);
    Random random = new Random(42);
    List<String> served = new ArrayList<>();
    served.add(ACK);
    for (int i = 0; i < malformed; i++) {
      served.add(fuzz(good.get(random.nextInt(good.size())), i, random));
      if (i % 10 == 9) {
        served.add(good.get(i / 10));
      }
    }
    try (ScriptedWebSocketServer server = new ScriptedWebSocketServer(
        (session, text) -> session.sendThenClose(served))) {
      WebSocketSource<Ticker> source = CoinbaseFeed.builder(server.uri(), PRODUCTS)
          .boundedness(Boundedness.BOUNDED)
          .build();
      Run run = collect(source, Integer.MAX_VALUE);

      assertEquals(tickers, run.tickers);
      Map<String, Metric> metrics = REPORTER.getMetricsByIdentifiers(run.job);
      Map<String, Long> errors = metrics.entrySet().stream()
          .filter(e -> e.getKey().contains(".parseErrors."))
          .collect(Collectors.toMap(e -> e.getKey().substring(e.getKey().lastIndexOf('.') + 1),
              e -> ((Counter) e.getValue()).getCount()));
      assertEquals(malformed, errors.values().stream().mapToLong(Long::longValue).sum(), errors::toString);
      assertEquals(4, errors.size(), () -> "every kind is exercised: " + errors);
      assertEquals(served.size(), counter(run.job, "messagesReceived"));
      assertEquals(0, counter(run.job, "sequenceGaps") + counter(run.job, "duplicates"));
    }
  }

  @Test
  void aServerThatNeverAcknowledgesTheSubscriptionFailsTheJobSayingSo() throws Exception {
    try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((session, text) -> { })) {
      WebSocketSource<Ticker> source = CoinbaseFeed.builder(server.uri(), PRODUCTS)
          .subscriptionAck(CoinbaseFeed.ACK, Duration.ofMillis(300))
          .build();
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      Exception failure = assertThrows(Exception.class, () ->
          env.fromSource(source, WatermarkStrategy.noWatermarks(), "coinbase").executeAndCollect(10));
      assertTrue(ExceptionUtils.findThrowableWithMessage(failure,
              "did not acknowledge the subscription within PT0.3S").isPresent(),
          () -> ExceptionUtils.stringifyException(failure));
      assertEquals(1, server.connections(), "no reconnect after the server ignored the subscription");
    }
  }

  @Test
  void anErrorWithoutAnyAcknowledgementFailsTheLiveJobWithCoinbasesReason() throws Exception {
    String error = CoinbaseMessages.error("Failed to subscribe", "ETH-USD is delisted");
    try (ScriptedWebSocketServer server = new ScriptedWebSocketServer(
        (session, text) -> session.send(List.of(error)))) {
      WebSocketSource<Ticker> source = CoinbaseFeed.builder(server.uri(), PRODUCTS)
          .subscriptionAck(CoinbaseFeed.ACK, Duration.ofMillis(300))
          .build();
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      Exception failure = assertThrows(Exception.class, () ->
          env.fromSource(source, WatermarkStrategy.noWatermarks(), "coinbase").executeAndCollect(10));
      assertTrue(ExceptionUtils.findThrowableWithMessage(failure,
              "Failed to subscribe: ETH-USD is delisted").isPresent(),
          () -> ExceptionUtils.stringifyException(failure));
    }
  }

  @Test
  void aConnectionWhoseHeartbeatsStopIsReplacedAndResubscribed() throws Exception {
    List<Ticker> tickers = contiguousTickers(10);
    List<String> all = messages(tickers);
    try (ScriptedWebSocketServer server = new ScriptedWebSocketServer((session, text) -> {
      List<String> messages = new ArrayList<>();
      messages.add(ACK);
      messages.add(heartbeat(tickers.get(0)));
      messages.addAll(session.index() == 1 ? all.subList(0, 5) : session.index() == 2 ? all.subList(5, 10)
          : List.of());
      session.send(messages); // then silence: no heartbeats, no close, as a dead NAT mapping looks
    })) {
      WebSocketSource<Ticker> source = CoinbaseFeed.builder(server.uri(), PRODUCTS)
          .idleTimeout(Duration.ofMillis(300))
          .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(100))
          .build();
      Run run = collect(source, tickers.size());

      assertEquals(tickers, run.tickers);
      assertTrue(server.connections() >= 2, "reconnected");
      assertEquals(SUBSCRIBE, server.received().get(1), "resubscribed on the new connection");
      assertTrue((Long) gauge(run.job, "idleDisconnects") >= 1);
      assertEquals(0, counter(run.job, "sequenceGaps"), "nothing was lost: the server resumed where it stopped");
    }
  }

  // --- fuzzing ---

  /** A message that is malformed by construction: each kind below can never parse as a valid ticker. */
  private static String fuzz(String ticker, int i, Random random) {
    switch (i % 5) {
      case 0: // truncated JSON: the closing brace is always cut off
        return ticker.substring(0, random.nextInt(ticker.length() - 1));
      case 1: { // wrong JSON types
        String[][] wrong = {{"\"price\":\"", "\"price\":1"}, {"\"sequence\":", "\"sequence\":\"1\",\"x\":"},
            {"\"product_id\":\"ETH-USD\"", "\"product_id\":7"}, {"\"side\":\"", "\"side\":[\"b\"],\"y\":\""},
            {"\"trade_id\":", "\"trade_id\":1.5,\"z\":"}, {"\"time\":\"", "\"time\":{},\"w\":\""}};
        String[] w = wrong[random.nextInt(wrong.length)];
        return ticker.replaceFirst(java.util.regex.Pattern.quote(w[0]), java.util.regex.Matcher.quoteReplacement(w[1]));
      }
      case 2: { // numbers too large
        String[] huge = {"\"sequence\":" + "9".repeat(25) + ",\"q\":", "\"trade_id\":" + "1".repeat(40) + ",\"q\":",
            "\"price\":\"" + "9".repeat(400) + "\",\"q\":\""};
        String h = huge[random.nextInt(huge.length)];
        String field = h.substring(0, h.indexOf(':') + 1);
        return ticker.replaceFirst(java.util.regex.Pattern.quote(field), java.util.regex.Matcher.quoteReplacement(h));
      }
      case 3: { // a field required in a trade ticker missing (without trade_id it is a valid non-trade ticker)
        String[] required = {"product_id", "sequence", "price", "best_bid", "best_ask", "last_size", "side",
            "time"};
        String field = required[random.nextInt(required.length)];
        return ticker.replaceFirst(",?\"" + field + "\":(\"[^\"]*\"|[0-9]+)", "");
      }
      default: { // not an object at all: random printable garbage without braces
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(40);
        for (int c = 0; c < length; c++) {
          char ch = (char) (' ' + random.nextInt(95));
          s.append(ch == '{' ? '[' : ch);
        }
        return s.toString();
      }
    }
  }

  // --- helpers ---

  /** The generator's ETH-USD tickers with contiguous trade ids; sequences advance by 7 (other book events). */
  private static List<Ticker> contiguousTickers(int count) {
    List<Ticker> generated = TickerGenerator.defaults().withSpan(Duration.ofHours(1)).generate(PRODUCTS);
    List<Ticker> tickers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Ticker t = generated.get(i);
      tickers.add(new Ticker(t.getProductId(), FIRST_SEQUENCE + 7L * i, t.getPrice(), t.getLastSize(),
          t.getBestBid(), t.getBestAsk(), t.getSide(), FIRST_TRADE_ID + i, t.getTime()));
    }
    return tickers;
  }

  private static List<String> messages(List<Ticker> tickers) {
    CoinbaseMessages.DayStats day = new CoinbaseMessages.DayStats(tickers.get(0).getPrice());
    List<String> messages = new ArrayList<>();
    for (Ticker t : tickers) {
      day.add(t);
      messages.add(CoinbaseMessages.ticker(t, day));
    }
    return messages;
  }

  private static String heartbeat(Ticker t) {
    return CoinbaseMessages.heartbeat(t.getProductId(), t.getSequence(), t.getTradeId(), t.getTime());
  }

  private static final class Run {
    final List<Ticker> tickers = new ArrayList<>();
    JobID job;
  }

  /** Runs the source at parallelism 1; collects {@code count} tickers (then cancels) or all of a bounded input. */
  private static Run collect(WebSocketSource<Ticker> source, int count) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    Run run = new Run();
    try (CloseableIterator<Ticker> results =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "coinbase").collectAsync()) {
      JobClient job = env.executeAsync("coinbase resilience");
      run.job = job.getJobID();
      while (run.tickers.size() < count && results.hasNext()) {
        run.tickers.add(results.next());
      }
      if (count == Integer.MAX_VALUE) {
        job.getJobExecutionResult().get();
      } else {
        job.cancel().get();
      }
    }
    return run;
  }

  private static long counter(JobID job, String suffix) {
    return ((Counter) metric(job, suffix)).getCount();
  }

  private static Object gauge(JobID job, String suffix) {
    return ((Gauge<?>) metric(job, suffix)).getValue();
  }

  private static Metric metric(JobID job, String suffix) {
    Map<String, Metric> metrics = REPORTER.getMetricsByIdentifiers(job);
    List<Metric> matches = metrics.entrySet().stream()
        .filter(e -> e.getKey().endsWith("." + suffix))
        .map(Map.Entry::getValue)
        .collect(Collectors.toList());
    assertEquals(1, matches.size(), () -> "metrics ending with ." + suffix + " in " + metrics.keySet());
    return matches.get(0);
  }
}
