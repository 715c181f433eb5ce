package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.featuresdk.runtime.source.websocket.FatalMessageException;
import io.featuresdk.runtime.source.websocket.MalformedMessageException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.junit.jupiter.api.Test;

/**
 * The 175 real Coinbase messages of the shared fixtures through the parser, one fresh parser per capture
 * session, against a plain scan of the same messages ({@link CoinbaseFixtures}).
 */
class CoinbaseRealMessagesTest {

  @Test
  void everyRealMessageParsesIntoExactlyTheScannedTradesAndCounts() throws Exception {
    Map<String, List<String>> sessions = CoinbaseFixtures.sessions();
    List<String> expectedTrades = new ArrayList<>();
    List<String> deliveredTrades = new ArrayList<>();
    TreeSet<String> expectedUnsubscribed = new TreeSet<>();
    TreeSet<String> failedUnsubscribed = new TreeSet<>();
    long withoutTrade = 0;
    long heartbeats = 0;
    long acks = 0;
    long errors = 0;
    long unknown = 0;
    int malformed = 0;
    long scannedWithoutTrade = 0;
    long scannedHeartbeats = 0;
    long scannedAcks = 0;
    long scannedErrors = 0;
    long scannedOthers = 0;

    for (Map.Entry<String, List<String>> session : sessions.entrySet()) {
      for (String message : session.getValue()) {
        String type = CoinbaseFixtures.type(message);
        scannedWithoutTrade += "ticker".equals(type) && !CoinbaseFixtures.isTrade(message) ? 1 : 0;
        scannedHeartbeats += "heartbeat".equals(type) ? 1 : 0;
        scannedAcks += "subscriptions".equals(type) ? 1 : 0;
        scannedErrors += "error".equals(type) ? 1 : 0;
        scannedOthers += List.of("ticker", "heartbeat", "subscriptions", "error").contains(type) ? 0 : 1;
      }
      expectedTrades.addAll(CoinbaseFixtures.distinctTrades(session.getValue()));
      if (CoinbaseFixtures.endsUnsubscribed(session.getValue())) {
        expectedUnsubscribed.add(session.getKey());
      }

      CoinbaseTickerParser parser = new CoinbaseTickerParser();
      parser.onConnected();
      List<Ticker> out = new ArrayList<>();
      try {
        for (String message : session.getValue()) {
          try {
            int before = out.size();
            parser.parse(message, new ListCollector<>(out));
            if (out.size() > before) {
              assertTradeEqualsTheMessage(message, out.get(out.size() - 1));
            }
          } catch (MalformedMessageException e) {
            malformed++;
          }
        }
        parser.onEndOfInput();
      } catch (FatalMessageException e) {
        failedUnsubscribed.add(session.getKey());
      }
      out.forEach(t -> deliveredTrades.add(t.getProductId() + ":" + t.getTradeId()));
      withoutTrade += parser.tickersWithoutTrade();
      heartbeats += parser.heartbeats();
      acks += parser.subscriptionAcks();
      errors += parser.errors();
      unknown += parser.unknownTypes();
    }

    assertEquals(expectedTrades, deliveredTrades, "every distinct trade, once, in arrival order");
    assertEquals(133, deliveredTrades.size(), "SOURCES.md: 136 tickers, 3 of them without trade fields");
    assertEquals(0, malformed, "real messages are never parse errors");
    assertEquals(scannedWithoutTrade, withoutTrade);
    assertEquals(scannedHeartbeats, heartbeats);
    assertEquals(scannedAcks, acks);
    assertEquals(scannedErrors, errors);
    assertEquals(scannedOthers, unknown);
    assertEquals(expectedUnsubscribed, failedUnsubscribed,
        "only sessions where nothing was subscribed after an error fail");
    assertEquals(7, failedUnsubscribed.size(), "SOURCES.md: 8 errors, one of them followed by an ack");
  }

  private static void assertTradeEqualsTheMessage(String message, Ticker t) {
    JsonNode m = CoinbaseFixtures.json(message);
    assertEquals(m.get("product_id").asText(), t.getProductId(), message);
    assertEquals(m.get("sequence").asLong(), t.getSequence(), message);
    assertEquals(m.get("trade_id").asLong(), t.getTradeId(), message);
    assertEquals(new BigDecimal(m.get("price").asText()).doubleValue(), t.getPrice(), 0.0, message);
    assertEquals(new BigDecimal(m.get("last_size").asText()).doubleValue(), t.getLastSize(), 0.0, message);
    assertEquals(new BigDecimal(m.get("best_bid").asText()).doubleValue(), t.getBestBid(), 0.0, message);
    assertEquals(new BigDecimal(m.get("best_ask").asText()).doubleValue(), t.getBestAsk(), 0.0, message);
    assertEquals(m.get("side").asText(), t.getSide(), message);
    assertEquals(Instant.parse(m.get("time").asText()), t.getTime(), message);
  }
}
