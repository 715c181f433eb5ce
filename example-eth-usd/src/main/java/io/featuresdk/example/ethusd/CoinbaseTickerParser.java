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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.util.Collector;

/**
 * Parses Coinbase Exchange WebSocket messages ({@code wss://ws-feed.exchange.coinbase.com}) into {@link Ticker}s
 * with Jackson's streaming parser (no tree, no reflection).
 *
 * <ul>
 *   <li>{@code ticker} with a {@code trade_id}: one {@link Ticker}, unless that trade was delivered before (see
 *       below). Required then: {@code product_id}, {@code sequence}, {@code price}, {@code best_bid},
 *       {@code best_ask}, {@code last_size}, {@code side}, {@code time}.</li>
 *   <li>{@code ticker} without {@code trade_id}: valid but not a trade (Coinbase sends one per product on
 *       subscribe, and one without {@code time}/{@code sequence} for a product with no trades yet): skipped,
 *       counted in {@code coinbase.tickersWithoutTrade}, not a parse error.</li>
 *   <li>{@code heartbeat}, {@code subscriptions}: nothing; counted in {@code coinbase.heartbeats} and
 *       {@code coinbase.subscriptionAcks}.</li>
 *   <li>{@code error}: counted in {@code coinbase.errors} and held until the acknowledgement that follows it. Coinbase
 *       answers a partly invalid subscription with an {@code error} for the invalid products and then a
 *       {@code subscriptions} acknowledgement for the valid ones, and keeps streaming them: then the error is
 *       logged as a warning and the stream continues. If the acknowledgement lists no product, or the input ends
 *       before one arrives, the error is a {@link FatalMessageException} with Coinbase's {@code message} and
 *       {@code reason}, e.g. "Failed to subscribe: GIBBERISH-USD is not a valid product". An {@code error} after
 *       the acknowledgement is logged and counted.</li>
 *   <li>tickers of products not asked for ({@link #forProducts}): skipped, counted in
 *       {@code coinbase.otherProducts} (a replayed recording may hold more products than wanted).</li>
 *   <li>any other type: ignored, as Coinbase asks clients to do; counted in {@code coinbase.unknownTypes}.</li>
 *   <li>anything else is a {@link MalformedMessageException} of kind {@code invalid_json}, {@code not_an_object},
 *       {@code missing_field} or {@code invalid_field}.</li>
 * </ul>
 *
 * <p>Numbers: Coinbase sends prices and sizes as decimal strings ("3412.57", "0.00031280"). They must be plain
 * decimals (optional minus, digits, optional fraction) and are converted with {@link Double#parseDouble}, which
 * returns the double nearest to the exact decimal value (correct rounding), so no precision is lost beyond the
 * unavoidable one rounding. {@code sequence} and {@code trade_id} are JSON integers read as 64-bit longs;
 * {@code time} is RFC 3339 (e.g. {@code 2026-11-23T18:04:12.345678Z}) and keeps its microseconds. A decimal too
 * large for a double (it would become infinity) is an {@code invalid_field}.
 *
 * <p><b>Trade ids, not sequence numbers.</b> On the {@code ticker} channel {@code sequence} is the product's
 * full-feed sequence, which every order-book event advances, so its jumps say nothing about lost tickers. Trade
 * ids advance by one per trade of a product, so trades are tracked by {@code trade_id} per product with a
 * {@link SequenceGapTracker}, for the whole life of the source (across reconnects and, through the checkpoint,
 * across restores): a trade id delivered before is a duplicate and dropped ({@code duplicates}); a trade that
 * arrives after a later one of its product is kept ({@code outOfOrder}; the windows accept 30 s of disorder);
 * a jump of more than one is a gap ({@code sequenceGaps}) of {@code jump - 1} trades never received
 * ({@code lostMessages}), logged with the product and the ids.
 *
 * <p><b>Checkpoints.</b> The tracker's state (per product the highest trade id and the recent ones) is the
 * parser's {@linkplain #snapshotState() state}, version {@value #STATE_VERSION}: a restored reader drops every
 * trade it had delivered. A parser made with {@link #resumingOfflineFeed()} also asks the server to resume after
 * those trade ids (an extension only {@link OfflineCoinbaseFeed} understands; the live feed is never sent it).
 */
public final class CoinbaseTickerParser implements WebSocketMessageParser<Ticker> {
  private static final long serialVersionUID = 1L;

  public static final String INVALID_JSON = "invalid_json";
  public static final String NOT_AN_OBJECT = "not_an_object";
  public static final String MISSING_FIELD = "missing_field";
  public static final String INVALID_FIELD = "invalid_field";

  static final int STATE_VERSION = 1;

  private static final JsonFactory JSON = new JsonFactory();

  /** Products to deliver; null: all. */
  private final Set<String> products;
  private final boolean asksToResume;

  private transient Counter heartbeats;
  private transient Counter subscriptionAcks;
  private transient Counter unknownTypes;
  private transient Counter tickersWithoutTrade;
  private transient Counter errors;
  private transient Counter otherProducts;
  private transient SequenceGapTracker trades;
  private transient CoinbaseSubscription subscription;

  /** A parser for the live feed: every product, no resume request. */
  public CoinbaseTickerParser() {
    this(null, false);
  }

  private CoinbaseTickerParser(Set<String> products, boolean asksToResume) {
    this.products = products == null ? null : Set.copyOf(products);
    this.asksToResume = asksToResume;
  }

  /** A parser that delivers only the tickers of {@code productIds} (for replays of wider recordings). */
  public static CoinbaseTickerParser forProducts(List<String> productIds) {
    return new CoinbaseTickerParser(Set.copyOf(productIds), false);
  }

  /**
   * A parser for {@link OfflineCoinbaseFeed}: after a restore it adds the trade ids delivered per product to the
   * subscribe message, so the feed serves only what comes after them.
   */
  public static CoinbaseTickerParser resumingOfflineFeed() {
    return new CoinbaseTickerParser(null, true);
  }

  @Override
  public void open(MetricGroup metrics) {
    trades = new SequenceGapTracker(metrics);
    MetricGroup group = metrics.addGroup("coinbase");
    heartbeats = group.counter("heartbeats");
    subscriptionAcks = group.counter("subscriptionAcks");
    unknownTypes = group.counter("unknownTypes");
    tickersWithoutTrade = group.counter("tickersWithoutTrade");
    errors = group.counter("errors");
    otherProducts = group.counter("otherProducts");
  }

  @Override
  public void onConnected() {
    subscription().reset();
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
        if (f.tradeId == null) {
          counter(Kind.TICKER_WITHOUT_TRADE).inc();
        } else if (products != null && !products.contains(f.productId)) {
          counter(Kind.OTHER_PRODUCT).inc();
        } else {
          Ticker ticker = toTicker(f);
          if (tracker().track(ticker.getProductId(), ticker.getTradeId()) != SequenceGapTracker.Outcome.DUPLICATE) {
            out.collect(ticker);
          }
        }
        break;
      case "heartbeat":
        counter(Kind.HEARTBEAT).inc();
        break;
      case "subscriptions":
        counter(Kind.SUBSCRIPTION_ACK).inc();
        subscription().acknowledged(f.acknowledgedProducts);
        break;
      case "error":
        counter(Kind.ERROR).inc();
        subscription().error(f.message, f.reason);
        break;
      default:
        counter(Kind.UNKNOWN_TYPE).inc();
    }
  }

  @Override
  public void onEndOfInput() throws FatalMessageException {
    subscription().inputEnded();
  }

  private CoinbaseSubscription subscription() {
    if (subscription == null) {
      subscription = new CoinbaseSubscription(); // transient: created on the task, or on first use in a unit
    }
    return subscription;
  }

  @Override
  public int stateVersion() {
    return STATE_VERSION;
  }

  @Override
  public byte[] snapshotState() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    tracker().snapshot(out);
    return out.getCopyOfBuffer();
  }

  @Override
  public void restoreState(int version, byte[] state) throws IOException {
    if (version != STATE_VERSION) {
      throw new IOException("Unknown CoinbaseTickerParser state version " + version + "; this build reads "
          + STATE_VERSION);
    }
    tracker().restore(new DataInputDeserializer(state));
  }

  /**
   * With {@link #resumingOfflineFeed()} and trades delivered: the subscribe message with the trade ids delivered
   * per product ({@link CoinbaseFeed#resumeAfter}); otherwise the configured messages unchanged.
   */
  @Override
  public List<String> subscribeMessages(List<String> configured) {
    Map<String, Long> delivered = tracker().highestPerKey();
    if (!asksToResume || delivered.isEmpty()) {
      return configured;
    }
    return configured.stream().map(m -> CoinbaseFeed.resumeAfter(m, delivered))
        .collect(java.util.stream.Collectors.toList());
  }

  private enum Kind { HEARTBEAT, SUBSCRIPTION_ACK, UNKNOWN_TYPE, TICKER_WITHOUT_TRADE, ERROR, OTHER_PRODUCT }

  private Counter counter(Kind kind) {
    if (heartbeats == null) {
      // not opened by a source (plain unit use): count locally
      heartbeats = new SimpleCounter();
      subscriptionAcks = new SimpleCounter();
      unknownTypes = new SimpleCounter();
      tickersWithoutTrade = new SimpleCounter();
      errors = new SimpleCounter();
      otherProducts = new SimpleCounter();
    }
    switch (kind) {
      case HEARTBEAT: return heartbeats;
      case SUBSCRIPTION_ACK: return subscriptionAcks;
      case TICKER_WITHOUT_TRADE: return tickersWithoutTrade;
      case ERROR: return errors;
      case OTHER_PRODUCT: return otherProducts;
      default: return unknownTypes;
    }
  }

  private SequenceGapTracker tracker() {
    if (trades == null) {
      trades = new SequenceGapTracker(); // not opened by a source (plain unit use)
    }
    return trades;
  }

  /** The per-product trade id bookkeeping of this parser instance (gaps, lost trades, duplicates). */
  public SequenceGapTracker trades() {
    return tracker();
  }

  /** Heartbeats seen so far by this parser instance. */
  public long heartbeats() {
    return counter(Kind.HEARTBEAT).getCount();
  }

  /** Subscription acknowledgements seen so far by this parser instance. */
  public long subscriptionAcks() {
    return counter(Kind.SUBSCRIPTION_ACK).getCount();
  }

  /** Messages of unknown type ignored so far by this parser instance. */
  public long unknownTypes() {
    return counter(Kind.UNKNOWN_TYPE).getCount();
  }

  /** Tickers without trade fields skipped so far by this parser instance. */
  public long tickersWithoutTrade() {
    return counter(Kind.TICKER_WITHOUT_TRADE).getCount();
  }

  /** Error replies seen so far by this parser instance. */
  public long errors() {
    return counter(Kind.ERROR).getCount();
  }

  /** Tickers of products not asked for, skipped so far by this parser instance. */
  public long otherProducts() {
    return counter(Kind.OTHER_PRODUCT).getCount();
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
    int acknowledgedProducts;
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
        case "channels": f.acknowledgedProducts = countProducts(json, value); break;
        default: json.skipChildren();
      }
    }
    if (token != JsonToken.END_OBJECT) {
      throw new MalformedMessageException(INVALID_JSON, "unexpected " + token + " in the JSON object");
    }
    return f;
  }

  /** Product ids in an acknowledgement's {@code channels}: {@code [{"name":..,"product_ids":[..]},..]}. */
  private static int countProducts(JsonParser json, JsonToken value) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      json.skipChildren();
      return 0;
    }
    int count = 0;
    JsonToken token;
    while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.START_OBJECT) {
        json.skipChildren();
        continue;
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken fieldValue = json.nextToken();
        if (field.equals("product_ids") && fieldValue == JsonToken.START_ARRAY) {
          while (json.nextToken() != JsonToken.END_ARRAY) {
            count += json.currentToken() == JsonToken.VALUE_STRING ? 1 : 0;
            json.skipChildren();
          }
        } else {
          json.skipChildren();
        }
      }
    }
    return count;
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
