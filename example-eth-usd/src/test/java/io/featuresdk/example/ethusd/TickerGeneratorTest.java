package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.junit.jupiter.api.Test;

class TickerGeneratorTest {

  private static final List<String> ETH = List.of("ETH-USD");
  private final TickerGenerator oneHour = TickerGenerator.defaults().withSpan(Duration.ofHours(1));

  @Test
  void sameSettingsGiveTheSameTickers() {
    assertEquals(oneHour.generate(ETH), oneHour.generate(ETH));
  }

  @Test
  void defaultsCoverSixHoursAtAboutTwoTicksPerSecond() {
    List<Ticker> all = TickerGenerator.defaults().generate(ETH);
    assertTrue(Math.abs(all.size() - 43_200) < 43_200 * 0.02, "count " + all.size());
  }

  @Test
  void timesStayInsideTheSpanWithBoundedDisorder() {
    List<Ticker> all = oneHour.generate(List.of("ETH-USD", "BTC-USD"));
    Instant end = oneHour.start().plus(oneHour.span());
    Instant max = Instant.MIN;
    int outOfOrder = 0;
    for (Ticker t : all) {
      assertTrue(!t.getTime().isBefore(oneHour.start()) && t.getTime().isBefore(end), t.toString());
      assertEquals(0, t.getTime().getNano() % 1_000, "microsecond precision");
      if (t.getTime().isBefore(max)) {
        outOfOrder++;
        assertTrue(t.getTime().isAfter(max.minus(TickerGenerator.MAX_DISORDER)), t + " lags " + max);
      } else {
        max = t.getTime();
      }
    }
    assertTrue(outOfOrder > 0, "some events are out of order");
  }

  @Test
  void sequencesAndTradeIdsIncreasePerProductAndTradesHappenAtTheTouchOrInsideTheSpread() {
    Map<String, Ticker> previous = new HashMap<>();
    int inside = 0;
    int sharedTimes = 0;
    for (Ticker t : oneHour.generate(List.of("ETH-USD", "BTC-USD"))) {
      Ticker before = previous.put(t.getProductId(), t);
      if (before != null) {
        assertTrue(t.getSequence() > before.getSequence(), t.toString());
        assertTrue(t.getTradeId() > before.getTradeId(), t.toString());
        sharedTimes += t.getTime().equals(before.getTime()) ? 1 : 0;
      }
      assertTrue(t.getBestBid() < t.getBestAsk(), t.toString());
      assertTrue(t.getBestBid() <= t.getPrice() && t.getPrice() <= t.getBestAsk(), t.toString());
      inside += t.getBestBid() < t.getPrice() && t.getPrice() < t.getBestAsk() ? 1 : 0;
      assertTrue(t.getLastSize() > 0, t.toString());
    }
    assertEquals(2, previous.size());
    assertTrue(inside > 0, "some trades strictly inside the spread, as on Coinbase");
    assertTrue(sharedTimes > 0, "some tickers of a product share one time (a taker filling several makers)");
  }

  @Test
  void ethPricesStayRealistic() {
    for (Ticker t : TickerGenerator.defaults().generate(ETH)) {
      assertTrue(t.getPrice() > 2_000 && t.getPrice() < 6_000, t.toString());
    }
  }

  @Test
  void tickersSurviveTheCoinbaseWireFormatExactly() throws Exception {
    CoinbaseTickerParser parser = new CoinbaseTickerParser();
    CoinbaseMessages.DayStats day = null;
    for (Ticker t : oneHour.generate(ETH)) {
      if (day == null) {
        day = new CoinbaseMessages.DayStats(t.getPrice());
      }
      day.add(t);
      List<Ticker> parsed = new ArrayList<>();
      parser.parse(CoinbaseMessages.ticker(t, day), new ListCollector<>(parsed));
      assertEquals(List.of(t), parsed);
    }
  }
}
