package io.featuresdk.example.ethusd;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.featuresdk.runtime.source.websocket.FatalMessageException;
import io.featuresdk.runtime.source.websocket.MalformedMessageException;
import io.featuresdk.runtime.source.websocket.SequenceGapTracker;
import io.featuresdk.runtime.source.websocket.WebSocketMessageParser;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.util.Collector;

/**
 * Parses Coinbase Exchange WebSocket messages ({@code wss://ws-feed.exchange.coinbase.com}) into {@link Ticker}s
 * with Jackson's streaming parser (no tree, no reflection).
 *
 * <ul>
 *   <li>{@code ticker}: one {@link Ticker}, unless its sequence number is not above the last one of its
 *       product (see below). Required: {@code product_id}, {@code sequence}, {@code price}, {@code best_bid},
 *       {@code best_ask}, {@code last_size}, {@code side}, {@code trade_id}, {@code time}.</li>
 *   <li>{@code heartbeat}, {@code subscriptions}: nothing; counted in metrics {@code coinbase.heartbeats} and
 *       {@code coinbase.subscriptionAcks}.</li>
 *   <li>{@code error}: {@link FatalMessageException} with Coinbase's {@code message} and {@code reason}, e.g.
 *       "Failed to subscribe: GIBBERISH-USD is not a valid product" (a rejected subscription does not heal by
 *       reconnecting).</li>
 *   <li>any other type: ignored, as Coinbase asks clients to do; counted in {@code coinbase.unknownTypes}.</li>
 *   <li>anything else is a {@link MalformedMessageException} of kind {@code invalid_json}, {@code not_an_object},
 *       {@code missing_field} or {@code invalid_field}.</li>
 * </ul>
 *
 * <p>Numbers: Coinbase sends prices and sizes as decimal strings ("3412.57", "0.0003128"). They must be plain
 * decimals (optional minus, digits, optional fraction) and are converted with {@link Double#parseDouble}, which
 * returns the double nearest to the exact decimal value (correct rounding), so no precision is lost beyond the
 * unavoidable one rounding. {@code sequence} and {@code trade_id} are JSON integers read as 64-bit longs;
 * {@code time} is RFC 3339 (e.g. {@code 2026-11-23T18:04:12.345678Z}) and keeps its microseconds. A decimal too
 * large for a double (it would become infinity) is an {@code invalid_field}.
 *
 * <p><b>Sequence numbers</b> are tracked per product with a {@link SequenceGapTracker}, for the whole life of the
 * source (across reconnects): a ticker whose sequence is not above the last accepted one of its product is a
 * duplicate or out of order and is dropped (metric {@code duplicates}); a jump of more than one is one gap
 * ({@code sequenceGaps}) of {@code jump - 1} lost messages ({@code lostMessages}). That is Coinbase's rule for its
 * per-product sequence. Caveat for the {@code ticker} channel: its sequence is the product's full-feed sequence,
 * which other order-book events also advance, so there {@code lostMessages} counts sequence numbers not seen (an
 * upper bound of lost tickers), while {@code duplicates} stays exact. Heartbeats carry the product's latest
 * sequence too but are not tracked (they repeat the last ticker's number).
 */
public final class CoinbaseTickerParser implements WebSocketMessageParser<Ticker> {
  private static final long serialVersionUID = 1L;

  public static final String INVALID_JSON = "invalid_json";
  public static final String NOT_AN_OBJECT = "not_an_object";
  public static final String MISSING_FIELD = "missing_field";
  public static final String INVALID_FIELD = "invalid_field";

  private static final JsonFactory JSON = new JsonFactory();

  private transient Counter heartbeats;
  private transient Counter subscriptionAcks;
  private transient Counter unknownTypes;
  private transient SequenceGapTracker sequences;

  @Override
  public void open(MetricGroup metrics) {
    sequences = new SequenceGapTracker(metrics);
    MetricGroup group = metrics.addGroup("coinbase");
    heartbeats = group.counter("heartbeats");
    subscriptionAcks = group.counter("subscriptionAcks");
    unknownTypes = group.counter("unknownTypes");
  }

  @Override
  public void parse(String message, Collector<Ticker> out) throws MalformedMessageException, FatalMessageException {
    Fields f;
    try (JsonParser json = JSON.createParser(message)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedMessageException(NOT_AN_OBJECT, "Coinbase messages are JSON objects");
      }
      f = readFields(json);
      if (json.nextToken() != null) {
        throw new MalformedMessageException(INVALID_JSON, "trailing content after the JSON object");
      }
    } catch (JsonProcessingException e) {
      throw new MalformedMessageException(INVALID_JSON, "not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new MalformedMessageException(INVALID_JSON, "unreadable message: " + e.getMessage(), e);
    }
    if (f.type == null) {
      throw new MalformedMessageException(MISSING_FIELD, "message without \"type\"");
    }
    switch (f.type) {
      case "ticker":
        Ticker ticker = toTicker(f);
        if (sequences().track(ticker.getProductId(), ticker.getSequence()) != SequenceGapTracker.Outcome.DUPLICATE) {
          out.collect(ticker);
        }
        break;
      case "heartbeat":
        counter(0).inc();
        break;
      case "subscriptions":
        counter(1).inc();
        break;
      case "error":
        throw new FatalMessageException("Coinbase replied with an error: "
            + (f.message == null ? "(no message)" : f.message) + (f.reason == null ? "" : ": " + f.reason));
      default:
        counter(2).inc();
    }
  }

  private Counter counter(int which) {
    if (heartbeats == null) {
      // not opened by a source (plain unit use): count locally
      heartbeats = new SimpleCounter();
      subscriptionAcks = new SimpleCounter();
      unknownTypes = new SimpleCounter();
    }
    return which == 0 ? heartbeats : which == 1 ? subscriptionAcks : unknownTypes;
  }

  private SequenceGapTracker sequences() {
    if (sequences == null) {
      sequences = new SequenceGapTracker(); // not opened by a source (plain unit use)
    }
    return sequences;
  }

  /** The per-product sequence bookkeeping of this parser instance (gaps, lost messages, duplicates). */
  public SequenceGapTracker sequenceGaps() {
    return sequences();
  }

  /** Heartbeats seen so far by this parser instance. */
  public long heartbeats() {
    return counter(0).getCount();
  }

  /** Subscription acknowledgements seen so far by this parser instance. */
  public long subscriptionAcks() {
    return counter(1).getCount();
  }

  /** Messages of unknown type ignored so far by this parser instance. */
  public long unknownTypes() {
    return counter(2).getCount();
  }

  /** The raw values of the fields we use; everything else is skipped without being materialised. */
  private static final class Fields {
    String type;
    String productId;
    Long sequence;
    Long tradeId;
    String price;
    String bestBid;
    String bestAsk;
    String lastSize;
    String side;
    String time;
    String message;
    String reason;
  }

  private static Fields readFields(JsonParser json) throws IOException, MalformedMessageException {
    Fields f = new Fields();
    JsonToken token;
    while ((token = json.nextToken()) == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      switch (name) {
        case "type": f.type = string(json, value, name); break;
        case "product_id": f.productId = string(json, value, name); break;
        case "sequence": f.sequence = int64(json, value, name); break;
        case "trade_id": f.tradeId = int64(json, value, name); break;
        case "price": f.price = string(json, value, name); break;
        case "best_bid": f.bestBid = string(json, value, name); break;
        case "best_ask": f.bestAsk = string(json, value, name); break;
        case "last_size": f.lastSize = string(json, value, name); break;
        case "side": f.side = string(json, value, name); break;
        case "time": f.time = string(json, value, name); break;
        case "message": f.message = string(json, value, name); break;
        case "reason": f.reason = string(json, value, name); break;
        default: json.skipChildren();
      }
    }
    if (token != JsonToken.END_OBJECT) {
      throw new MalformedMessageException(INVALID_JSON, "unexpected " + token + " in the JSON object");
    }
    return f;
  }

  private static String string(JsonParser json, JsonToken value, String name) throws IOException, MalformedMessageException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.VALUE_STRING) {
      json.skipChildren();
      throw new MalformedMessageException(INVALID_FIELD, "\"" + name + "\" must be a string, was " + value);
    }
    return json.getText();
  }

  private static Long int64(JsonParser json, JsonToken value, String name) throws IOException, MalformedMessageException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.VALUE_NUMBER_INT) {
      json.skipChildren();
      throw new MalformedMessageException(INVALID_FIELD, "\"" + name + "\" must be an integer, was " + value);
    }
    if (json.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw new MalformedMessageException(INVALID_FIELD, "\"" + name + "\" does not fit in 64 bits: " + json.getText());
    }
    return json.getLongValue();
  }

  private static Ticker toTicker(Fields f) throws MalformedMessageException {
    Ticker t = new Ticker();
    t.setProductId(required(f.productId, "product_id"));
    t.setSequence(required(f.sequence, "sequence"));
    t.setPrice(decimal(f.price, "price"));
    t.setBestBid(decimal(f.bestBid, "best_bid"));
    t.setBestAsk(decimal(f.bestAsk, "best_ask"));
    t.setLastSize(decimal(f.lastSize, "last_size"));
    t.setSide(required(f.side, "side"));
    t.setTradeId(required(f.tradeId, "trade_id"));
    t.setTime(time(required(f.time, "time")));
    return t;
  }

  private static <V> V required(V value, String name) throws MalformedMessageException {
    if (value == null) {
      throw new MalformedMessageException(MISSING_FIELD, "ticker without \"" + name + "\"");
    }
    return value;
  }

  static double decimal(String text, String name) throws MalformedMessageException {
    required(text, name);
    if (!isPlainDecimal(text)) {
      throw new MalformedMessageException(INVALID_FIELD, "\"" + name + "\" is not a decimal string: \"" + text + "\"");
    }
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      throw new MalformedMessageException(INVALID_FIELD, "\"" + name + "\" is too large for a double: "
          + text.length() + " characters");
    }
    return value;
  }

  /** Optional minus, at least one digit, optional fraction with at least one digit: rejects NaN, 1e5, 0x1p3, 1d. */
  private static boolean isPlainDecimal(String s) {
    int i = s.startsWith("-") ? 1 : 0;
    int digits = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
      i++;
      digits++;
    }
    if (digits == 0) {
      return false;
    }
    if (i == s.length()) {
      return true;
    }
    if (s.charAt(i) != '.') {
      return false;
    }
    i++;
    int fraction = 0;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
      fraction++;
    }
    return fraction > 0 && i == s.length();
  }

  private static Instant time(String text) throws MalformedMessageException {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new MalformedMessageException(INVALID_FIELD, "\"time\" is not an RFC 3339 timestamp: \"" + text + "\"", e);
    }
  }
}
