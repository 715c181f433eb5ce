package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline feed's messages use the real feed's number styles and key orders (see the shared fixtures). */
class CoinbaseMessagesTest {

  private final List<Ticker> tickers =
      TickerGenerator.defaults().withSpan(Duration.ofMinutes(30)).generate(List.of("ETH-USD"));

  @Test
  void sizesHaveEightDecimalsBookPricesTwoAndTradePricesNoTrailingZeros() {
    CoinbaseMessages.DayStats day = new CoinbaseMessages.DayStats(tickers.get(0).getPrice());
    int priceWithoutTrailingZero = 0;
    for (Ticker t : tickers) {
      day.add(t);
      JsonNode m = CoinbaseFixtures.json(CoinbaseMessages.ticker(t, day));
      assertTrue(m.get("last_size").asText().matches("\\d+\\.\\d{8}"), m.toString());
      assertTrue(m.get("best_bid_size").asText().matches("\\d+\\.\\d{8}"), m.toString());
      assertTrue(m.get("best_bid").asText().matches("\\d+\\.\\d{2}"), m.toString());
      assertTrue(m.get("best_ask").asText().matches("\\d+\\.\\d{2}"), m.toString());
      assertTrue(!m.get("price").asText().matches(".*\\.\\d*0"), m.toString());
      priceWithoutTrailingZero += m.get("price").asText().matches("\\d+\\.\\d") ? 1 : 0;
    }
    assertTrue(priceWithoutTrailingZero > 0, "e.g. \"2252.2\" next to \"2252.20\", as on Coinbase");
  }

  @Test
  void heartbeatsUseTheWiresKeyOrder() {
    JsonNode heartbeat = CoinbaseFixtures.json(
        CoinbaseMessages.heartbeat("ETH-USD", 7, 3, tickers.get(0).getTime()));
    List<String> keys = new ArrayList<>();
    heartbeat.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("type", "last_trade_id", "product_id", "sequence", "time"), keys);
  }

  @Test
  void theSnapshotTickerHasNoTradeFields() {
    JsonNode snapshot = CoinbaseFixtures.json(CoinbaseMessages.tickerWithoutTrade("ETH-USD", 1, 3412.57));
    assertEquals("ticker", snapshot.get("type").asText());
    for (String field : List.of("trade_id", "last_size", "side", "time")) {
      assertTrue(!snapshot.has(field), field);
    }
  }
}
