package io.featuresdk.example.ethusd;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes messages in the Coinbase Exchange WebSocket format for the offline feed, with the real feed's number
 * styles: the trade {@code price} without trailing zeros ("2252.2"), the book's {@code best_bid}/{@code best_ask}
 * with two decimals ("2252.20"), sizes with eight ("0.05000000"), 24 h statistics without trailing zeros. Product ids and channel names
 * come from validated, fixed sets, so no JSON escaping is needed; texts from clients are never echoed unescaped.
 */
final class CoinbaseMessages {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private CoinbaseMessages() {}

  /** Running 24 h statistics that Coinbase sends with every ticker (synthetic here, from the feed's start). */
  static final class DayStats {
    final double open;
    double low;
    double high;
    double volume;

    DayStats(double open) {
      this.open = open;
      this.low = open;
      this.high = open;
    }

    void add(Ticker t) {
      low = Math.min(low, t.getPrice());
      high = Math.max(high, t.getPrice());
      volume += t.getLastSize();
    }
  }

  /** A ticker in the official field order. */
  static String ticker(Ticker t, DayStats day) {
    StringBuilder s = new StringBuilder(512);
    s.append("{\"type\":\"ticker\",\"sequence\":").append(t.getSequence())
        .append(",\"product_id\":\"").append(t.getProductId())
        .append("\",\"price\":\"").append(decimal(t.getPrice()))
        .append("\",\"open_24h\":\"").append(decimal(day.open))
        .append("\",\"volume_24h\":\"").append(decimal(round8(day.volume)))
        .append("\",\"low_24h\":\"").append(decimal(day.low))
        .append("\",\"high_24h\":\"").append(decimal(day.high))
        .append("\",\"volume_30d\":\"").append(decimal(round8(day.volume * 30 + 4_129_876.20011456)))
        .append("\",\"best_bid\":\"").append(cents(t.getBestBid()))
        .append("\",\"best_bid_size\":\"").append(size(bookSize(t.getSequence())))
        .append("\",\"best_ask\":\"").append(cents(t.getBestAsk()))
        .append("\",\"best_ask_size\":\"").append(size(bookSize(t.getSequence() * 31)))
        .append("\",\"side\":\"").append(t.getSide())
        .append("\",\"time\":\"").append(time(t.getTime()))
        .append("\",\"trade_id\":").append(t.getTradeId())
        .append(",\"last_size\":\"").append(size(t.getLastSize()))
        .append("\"}");
    return s.toString();
  }

  /**
   * A ticker without trade fields (no {@code trade_id}, {@code last_size}, {@code side}, {@code time}), as
   * Coinbase sends one per product on subscribe.
   */
  static String tickerWithoutTrade(String productId, long sequence, double price) {
    return "{\"type\":\"ticker\",\"sequence\":" + sequence + ",\"product_id\":\"" + productId
        + "\",\"price\":\"" + decimal(price) + "\",\"open_24h\":\"" + decimal(price) + "\",\"volume_24h\":\"0"
        + "\",\"low_24h\":\"" + decimal(price) + "\",\"high_24h\":\"" + decimal(price) + "\",\"best_bid\":\""
        + cents(price - 0.01) + "\",\"best_ask\":\"" + cents(price + 0.01) + "\"}";
  }

  /** A heartbeat, in the wire's key order ({@code type,last_trade_id,product_id,sequence,time}). */
  static String heartbeat(String productId, long sequence, long lastTradeId, Instant time) {
    return "{\"type\":\"heartbeat\",\"last_trade_id\":" + lastTradeId + ",\"product_id\":\"" + productId
        + "\",\"sequence\":" + sequence + ",\"time\":\"" + time(time) + "\"}";
  }

  static String subscriptions(List<String> channels, List<String> productIds) {
    StringBuilder s = new StringBuilder("{\"type\":\"subscriptions\",\"channels\":[");
    for (int c = 0; c < channels.size(); c++) {
      s.append(c == 0 ? "" : ",").append("{\"name\":\"").append(channels.get(c)).append("\",\"product_ids\":[");
      for (int p = 0; p < productIds.size(); p++) {
        s.append(p == 0 ? "" : ",").append('"').append(productIds.get(p)).append('"');
      }
      s.append("]}");
    }
    return s.append("]}").toString();
  }

  static String error(String message, String reason) {
    return "{\"type\":\"error\",\"message\":\"" + escape(message) + "\",\"reason\":\"" + escape(reason) + "\"}";
  }

  /**
   * The shortest plain decimal that reads back as exactly {@code value} (Coinbase style: no exponent, no
   * trailing zeros).
   */
  static String decimal(double value) {
    String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    return plain;
  }

  /** Two decimals, as Coinbase writes the book's prices: "2252.20". */
  static String cents(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** Eight decimals, as Coinbase writes sizes: "0.05000000". */
  static String size(double value) {
    return BigDecimal.valueOf(value).setScale(8, RoundingMode.HALF_EVEN).toPlainString();
  }

  static String time(Instant instant) {
    return TIME.format(instant);
  }

  private static double round8(double value) {
    return Math.round(value * 1e8) / 1e8;
  }

  private static double bookSize(long salt) {
    return (Math.floorMod(salt, 99_991) + 1) / 10_000.0;
  }

  private static String escape(String text) {
    StringBuilder s = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        s.append('\\').append(c);
      } else if (c < 0x20) {
        s.append(String.format("\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }
}
