package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.source.websocket.FatalMessageException;
import io.featuresdk.runtime.source.websocket.MalformedMessageException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.junit.jupiter.api.Test;

class CoinbaseTickerParserTest {

  /** The official example's field order and types (facts §2). */
  static final String TICKER = "{\"type\":\"ticker\",\"sequence\":52318064877,\"product_id\":\"ETH-USD\","
      + "\"price\":\"3412.57\",\"open_24h\":\"3388.10\",\"volume_24h\":\"148203.51782310\",\"low_24h\":\"3351.02\","
      + "\"high_24h\":\"3455.90\",\"volume_30d\":\"4129876.20011456\",\"best_bid\":\"3412.56\","
      + "\"best_bid_size\":\"1.20450000\",\"best_ask\":\"3412.57\",\"best_ask_size\":\"0.83120000\",\"side\":\"buy\","
      + "\"time\":\"2026-11-23T18:04:12.345678Z\",\"trade_id\":612349871,\"last_size\":\"0.0152\"}";

  private final CoinbaseTickerParser parser = new CoinbaseTickerParser();

  private List<Ticker> parse(String message) throws Exception {
    List<Ticker> out = new ArrayList<>();
    Collector<Ticker> collector = new ListCollector<>(out);
    parser.parse(message, collector);
    return out;
  }

  private MalformedMessageException malformed(String message) {
    return assertThrows(MalformedMessageException.class, () -> parse(message));
  }

  @Test
  void tickerBecomesOneTickerWithEveryFieldExact() throws Exception {
    Ticker expected = new Ticker("ETH-USD", 52318064877L, 3412.57, 0.0152, 3412.56, 3412.57, "buy", 612349871L,
        Instant.parse("2026-11-23T18:04:12.345678Z"));
    assertEquals(List.of(expected), parse(TICKER));
  }

  @Test
  void timeKeepsMicroseconds() throws Exception {
    assertEquals(345_678_000, parse(TICKER).get(0).getTime().getNano());
  }

  @Test
  void sequenceBeyondIntRangeIsKept() throws Exception {
    String big = TICKER.replace("52318064877", "9223372036854775807");
    assertEquals(Long.MAX_VALUE, parse(big).get(0).getSequence());
  }

  @Test
  void decimalStringsRoundLikeTheExactDecimal() throws Exception {
    String odd = TICKER.replace("\"last_size\":\"0.0152\"", "\"last_size\":\"0.0003128\"")
        .replace("\"price\":\"3412.57\"", "\"price\":\"77289\"");
    Ticker t = parse(odd).get(0);
    assertEquals(new BigDecimal("0.0003128").doubleValue(), t.getLastSize());
    assertEquals(77289.0, t.getPrice());
  }

  @Test
  void heartbeatAndSubscriptionsEmitNothingAndAreCounted() throws Exception {
    assertEquals(List.of(), parse("{\"type\":\"heartbeat\",\"sequence\":90,\"last_trade_id\":20,"
        + "\"product_id\":\"BTC-USD\",\"time\":\"2014-11-07T08:19:28.464459Z\"}"));
    assertEquals(List.of(), parse("{\"type\":\"subscriptions\",\"channels\":[{\"name\":\"ticker\","
        + "\"product_ids\":[\"ETH-USD\"]},{\"name\":\"heartbeat\",\"product_ids\":[\"ETH-USD\"]}]}"));
    assertEquals(1, parser.heartbeats());
    assertEquals(1, parser.subscriptionAcks());
  }

  @Test
  void unknownTypesAreIgnoredAsCoinbaseAsks() throws Exception {
    assertEquals(List.of(), parse("{\"type\":\"status\",\"products\":[{\"id\":\"ETH-USD\"}],\"currencies\":[]}"));
    assertEquals(1, parser.unknownTypes());
  }

  private static final String ERROR =
      "{\"type\":\"error\",\"message\":\"Failed to subscribe\",\"reason\":\"GIBBERISH-USD is not a valid product\"}";
  private static final String ACK_ETH = "{\"type\":\"subscriptions\",\"channels\":[{\"name\":\"ticker\","
      + "\"product_ids\":[\"ETH-USD\"]}]}";

  @Test
  void anErrorFollowedByAnAcknowledgementOfOtherProductsIsCountedAndTheStreamContinues() throws Exception {
    assertEquals(List.of(), parse(ERROR));
    assertEquals(List.of(), parse(ACK_ETH));
    assertEquals(1, parse(TICKER).size());
    parser.onEndOfInput();
    assertEquals(1, parser.errors());
  }

  @Test
  void anErrorFollowedByAnAcknowledgementOfNothingFailsWithCoinbasesMessageAndReason() throws Exception {
    parse(ERROR);
    FatalMessageException e = assertThrows(FatalMessageException.class,
        () -> parse("{\"type\":\"subscriptions\",\"channels\":[]}"));
    assertTrue(e.getMessage().contains("Failed to subscribe: GIBBERISH-USD is not a valid product"), e.getMessage());
  }

  @Test
  void anErrorWithoutAnyAcknowledgementFailsWhenTheInputEnds() throws Exception {
    parse(ERROR);
    FatalMessageException e = assertThrows(FatalMessageException.class, parser::onEndOfInput);
    assertTrue(e.getMessage().contains("GIBBERISH-USD is not a valid product"), e.getMessage());
  }

  @Test
  void anErrorAfterTheAcknowledgementIsOnlyCounted() throws Exception {
    parse(ACK_ETH);
    parse("{\"type\":\"error\",\"message\":\"Failed to unsubscribe\"}");
    parser.onEndOfInput();
    assertEquals(1, parser.errors());
  }

  @Test
  void tickersWithoutTradeFieldsAreSkippedAndCountedApartFromParseErrors() throws Exception {
    String snapshot = "{\"type\":\"ticker\",\"sequence\":4206532582,\"product_id\":\"LTC-BTC\","
        + "\"price\":\"0.01002000\",\"open_24h\":\"0.01004000\",\"volume_24h\":\"17357.40\","
        + "\"low_24h\":\"0.00985000\",\"high_24h\":\"0.01027000\",\"volume_30d\":\"1088000.83\","
        + "\"best_bid\":\"0.01001\",\"best_ask\":\"0.01002\"}";
    String noTradesYet = "{\"type\":\"ticker\",\"product_id\":\"HBAR-USD\",\"price\":\"0\","
        + "\"best_bid\":\"0.06\",\"best_ask\":\"0.07\"}";
    assertEquals(List.of(), parse(snapshot));
    assertEquals(List.of(), parse(noTradesYet));
    assertEquals(2, parser.tickersWithoutTrade());
  }

  @Test
  void tickersOfProductsNotAskedForAreSkipped() throws Exception {
    CoinbaseTickerParser btcOnly = CoinbaseTickerParser.forProducts(List.of("BTC-USD"));
    List<Ticker> out = new ArrayList<>();
    btcOnly.parse(TICKER, new ListCollector<>(out));
    btcOnly.parse(TICKER.replace("ETH-USD", "BTC-USD"), new ListCollector<>(out));
    assertEquals(1, out.size());
    assertEquals("BTC-USD", out.get(0).getProductId());
    assertEquals(1, btcOnly.otherProducts());
  }

  @Test
  void brokenJsonIsInvalidJson() {
    assertEquals(CoinbaseTickerParser.INVALID_JSON, malformed("{\"type\":\"ticker\",").kind());
    assertEquals(CoinbaseTickerParser.INVALID_JSON, malformed(TICKER + "x").kind());
  }

  @Test
  void nonObjectIsNotAnObject() {
    assertEquals(CoinbaseTickerParser.NOT_AN_OBJECT, malformed("[1,2]").kind());
  }

  @Test
  void messageWithoutTypeIsMissingField() {
    assertEquals(CoinbaseTickerParser.MISSING_FIELD, malformed("{\"price\":\"1\"}").kind());
  }

  @Test
  void tickerWithoutPriceIsMissingField() {
    MalformedMessageException e = malformed(TICKER.replace("\"price\":\"3412.57\",", ""));
    assertEquals(CoinbaseTickerParser.MISSING_FIELD, e.kind());
    assertTrue(e.getMessage().contains("price"), e.getMessage());
  }

  @Test
  void numericPriceIsInvalidField() {
    assertEquals(CoinbaseTickerParser.INVALID_FIELD,
        malformed(TICKER.replace("\"price\":\"3412.57\"", "\"price\":3412.57")).kind());
  }

  @Test
  void nonDecimalPriceStringsAreInvalidField() {
    for (String bad : List.of("NaN", "Infinity", "1e5", "0x1p3", "1d", "", "-", "1.", ".5", "12a")) {
      assertEquals(CoinbaseTickerParser.INVALID_FIELD,
          malformed(TICKER.replace("\"price\":\"3412.57\"", "\"price\":\"" + bad + "\"")).kind(), bad);
    }
  }

  @Test
  void stringSequenceIsInvalidField() {
    assertEquals(CoinbaseTickerParser.INVALID_FIELD,
        malformed(TICKER.replace("52318064877", "\"52318064877\"")).kind());
  }

  @Test
  void sequenceBeyond64BitsIsInvalidField() {
    assertEquals(CoinbaseTickerParser.INVALID_FIELD,
        malformed(TICKER.replace("52318064877", "18446744073709551616")).kind());
  }

  @Test
  void timeThatIsNotRfc3339IsInvalidField() {
    assertEquals(CoinbaseTickerParser.INVALID_FIELD,
        malformed(TICKER.replace("2026-11-23T18:04:12.345678Z", "23/11/2026 18:04")).kind());
  }

  @Test
  void decimalTooLargeForADoubleIsInvalidField() {
    MalformedMessageException e =
        malformed(TICKER.replace("\"price\":\"3412.57\"", "\"price\":\"" + "9".repeat(400) + "\""));
    assertEquals(CoinbaseTickerParser.INVALID_FIELD, e.kind());
  }

  private static String trade(String product, long tradeId, long sequence) {
    return TICKER.replace("ETH-USD", product).replace("612349871", Long.toString(tradeId))
        .replace("52318064877", Long.toString(sequence));
  }

  @Test
  void aRepeatedTradeIdIsADuplicateButAnOlderUnseenTradeIsKept() throws Exception {
    assertEquals(1, parse(trade("ETH-USD", 100, 5000)).size());
    assertEquals(1, parse(trade("ETH-USD", 102, 5090)).size());
    assertEquals(List.of(), parse(trade("ETH-USD", 102, 5090)), "the same trade again");
    assertEquals(1, parse(trade("ETH-USD", 101, 5010)).size(), "out of order: kept");
    assertEquals(1, parser.trades().duplicates());
    assertEquals(1, parser.trades().outOfOrder());
    assertEquals(0, parser.trades().lostMessages(), "101 arrived late, nothing is lost");
  }

  @Test
  void sequenceJumpsOfTheTickerChannelAreNotLostMessagesTradeIdJumpsAre() throws Exception {
    parse(trade("ETH-USD", 100, 5000));
    parse(trade("ETH-USD", 101, 9000)); // thousands of order-book events in between: normal
    parse(trade("ETH-USD", 105, 9100));
    parse(trade("BTC-USD", 7, 1)); // another product has its own trade ids
    assertEquals(1, parser.trades().gaps());
    assertEquals(3, parser.trades().lostMessages());
    assertEquals(0, parser.trades().duplicates());
  }

  @Test
  void heartbeatsDoNotTouchTheTradeBookkeeping() throws Exception {
    parse(TICKER);
    parse("{\"type\":\"heartbeat\",\"last_trade_id\":612349990,\"product_id\":\"ETH-USD\",\"sequence\":52318064999,"
        + "\"time\":\"2026-11-23T18:04:13.000000Z\"}");
    assertEquals(0, parser.trades().duplicates() + parser.trades().gaps());
  }

  @Test
  void aRestoredParserDropsTheTradesDeliveredBeforeAndKeepsTheOthers() throws Exception {
    parse(trade("ETH-USD", 100, 1));
    parse(trade("ETH-USD", 102, 2));
    byte[] state = parser.snapshotState();
    CoinbaseTickerParser restored = new CoinbaseTickerParser();
    restored.restoreState(parser.stateVersion(), state);
    List<Ticker> out = new ArrayList<>();
    for (long id = 100; id <= 104; id++) {
      restored.parse(trade("ETH-USD", id, id), new ListCollector<>(out));
    }
    assertEquals(List.of(101L, 103L, 104L), out.stream().map(Ticker::getTradeId).collect(
        java.util.stream.Collectors.toList()));
  }

  @Test
  void aRestoredParserOnALiveFeedCountsTheTradesPublishedWhileItWasDownAsLost() throws Exception {
    parse(trade("ETH-USD", 100, 1));
    CoinbaseTickerParser restored = new CoinbaseTickerParser();
    restored.restoreState(parser.stateVersion(), parser.snapshotState());
    List<Ticker> out = new ArrayList<>();
    restored.parse(trade("ETH-USD", 100, 1), new ListCollector<>(out)); // Coinbase's last trade, on subscribe
    restored.parse(trade("ETH-USD", 131, 2), new ListCollector<>(out));
    assertEquals(List.of(131L), out.stream().map(Ticker::getTradeId).collect(java.util.stream.Collectors.toList()));
    assertEquals(30, restored.trades().lostMessages());
    assertEquals(1, restored.trades().gaps());
  }

  @Test
  void onlyTheOfflineFeedsParserAsksToResumeAndOnlyAfterDeliveringTrades() throws Exception {
    List<String> subscribe = List.of(CoinbaseFeed.subscribeMessage(List.of("ETH-USD")));
    CoinbaseTickerParser resuming = CoinbaseTickerParser.resumingOfflineFeed();
    assertEquals(subscribe, resuming.subscribeMessages(subscribe), "nothing delivered yet");
    resuming.parse(TICKER, new ListCollector<>(new ArrayList<>()));
    assertEquals(List.of("{\"resume_after_trade_ids\":{\"ETH-USD\":612349871}," + subscribe.get(0).substring(1)),
        resuming.subscribeMessages(subscribe));
    parse(TICKER);
    assertEquals(subscribe, parser.subscribeMessages(subscribe), "the live feed's subscription is unchanged");
  }

  @Test
  void anUnknownStateVersionIsRejectedWithTheVersionsThisBuildReads() {
    java.io.IOException e = assertThrows(java.io.IOException.class, () -> parser.restoreState(99, new byte[0]));
    assertTrue(e.getMessage().contains("99"), e.getMessage());
  }
}
