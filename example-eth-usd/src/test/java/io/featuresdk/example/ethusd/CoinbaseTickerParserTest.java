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

  @Test
  void errorFailsWithCoinbasesMessageAndReason() {
    FatalMessageException e = assertThrows(FatalMessageException.class, () -> parse(
        "{\"type\":\"error\",\"message\":\"Failed to subscribe\",\"reason\":\"GIBBERISH-USD is not a valid product\"}"));
    assertTrue(e.getMessage().contains("Failed to subscribe: GIBBERISH-USD is not a valid product"), e.getMessage());
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

  @Test
  void repeatedOrOlderSequenceOfAProductIsDroppedAndCountedAsDuplicate() throws Exception {
    assertEquals(1, parse(TICKER).size());
    assertEquals(List.of(), parse(TICKER));
    assertEquals(List.of(), parse(TICKER.replace("52318064877", "52318064870")));
    assertEquals(2, parser.sequenceGaps().duplicates());
  }

  @Test
  void aSequenceJumpIsOneGapOfTheSkippedNumbersPerProduct() throws Exception {
    parse(TICKER);
    assertEquals(1, parse(TICKER.replace("52318064877", "52318064878")).size());
    assertEquals(1, parse(TICKER.replace("52318064877", "52318064882")).size());
    // another product has its own sequence
    assertEquals(1, parse(TICKER.replace("ETH-USD", "BTC-USD").replace("52318064877", "7")).size());
    assertEquals(1, parser.sequenceGaps().gaps());
    assertEquals(3, parser.sequenceGaps().lostMessages());
    assertEquals(0, parser.sequenceGaps().duplicates());
  }

  @Test
  void heartbeatsDoNotTouchTheSequenceBookkeeping() throws Exception {
    parse(TICKER);
    parse("{\"type\":\"heartbeat\",\"sequence\":52318064877,\"last_trade_id\":20,"
        + "\"product_id\":\"ETH-USD\",\"time\":\"2026-11-23T18:04:13.000000Z\"}");
    assertEquals(0, parser.sequenceGaps().duplicates() + parser.sequenceGaps().gaps());
  }
}
