package io.featuresdk.example.ethusd;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.featuresdk.runtime.source.recording.ReplaySource;
import io.featuresdk.runtime.source.websocket.SubscriptionAck;
import io.featuresdk.runtime.source.websocket.WebSocketSource;
import java.nio.file.Path;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.connector.file.src.FileSource;

/**
 * The Coinbase Exchange ticker feed as a {@link WebSocketSource}: the subscription message and the parser.
 *
 * <pre>{@code
 * // live, runs forever, reconnects and resubscribes when Coinbase drops the connection
 * DataStream<Ticker> ticks = env.fromSource(CoinbaseFeed.live(List.of("ETH-USD")), watermarks, "coinbase");
 *
 * // offline: the same client code against a local server, ends when the server has sent everything
 * try (OfflineCoinbaseFeed feed = OfflineCoinbaseFeed.start(TickerGenerator.defaults())) {
 *   env.fromSource(CoinbaseFeed.source(feed.uri(), List.of("ETH-USD"), Boundedness.BOUNDED), watermarks, "offline");
 *   env.execute();
 * }
 *
 * // record the live feed, backfill later from the recording through the same pipeline
 * CoinbaseFeed.builder(CoinbaseFeed.LIVE_URI, List.of("ETH-USD")).record(RecordingOptions.in(dir).gzip(true)).build();
 * env.fromSource(CoinbaseFeed.replay(dir), watermarks, "backfill");
 * }</pre>
 */
public final class CoinbaseFeed {

  /** Coinbase Exchange's public market data feed (no authentication). */
  public static final URI LIVE_URI = URI.create("wss://ws-feed.exchange.coinbase.com");

  /** Channels we subscribe to: matches, and per-product heartbeats (every second) to tell quiet from dead. */
  public static final List<String> CHANNELS = List.of("ticker", "heartbeat");

  private static final JsonFactory JSON = new JsonFactory();

  private CoinbaseFeed() {}

  /** The unbounded source for the live feed. */
  public static WebSocketSource<Ticker> live(List<String> productIds) {
    return source(LIVE_URI, productIds, Boundedness.CONTINUOUS_UNBOUNDED);
  }

  /** {@link #live(List)} for a few product ids: {@code CoinbaseFeed.live("ETH-USD")}. */
  public static WebSocketSource<Ticker> live(String... productIds) {
    return live(List.of(productIds));
  }

  /** A source for any Coinbase-format feed, e.g. {@link OfflineCoinbaseFeed#uri()} with {@code BOUNDED}. */
  public static WebSocketSource<Ticker> source(URI uri, List<String> productIds, Boundedness boundedness) {
    return builder(uri, productIds, boundedness).build();
  }

  /**
   * {@link #builder(URI, List)} for a feed of this boundedness. A {@code BOUNDED} feed is a finite replay (the
   * {@link OfflineCoinbaseFeed}; the live feed never ends), so its parser asks it to resume after the trades
   * delivered before a restore ({@link CoinbaseTickerParser#resumingOfflineFeed()}); an unbounded feed gets the
   * live feed's subscription, unchanged.
   */
  public static WebSocketSource.Builder<Ticker> builder(URI uri, List<String> productIds, Boundedness boundedness) {
    CoinbaseTickerParser parser = boundedness == Boundedness.BOUNDED
        ? CoinbaseTickerParser.resumingOfflineFeed() : new CoinbaseTickerParser();
    return builder(uri, productIds).parser(parser).boundedness(boundedness);
  }

  /**
   * Silence after which a connection is considered dead. The heartbeat channel sends one message per product
   * every second, so ten seconds without a byte means the connection is gone even if TCP has not noticed.
   */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Coinbase acknowledges a subscription at once with a {@code subscriptions} message; without one within this
   * time the subscription was ignored, and the source fails saying so. (Coinbase itself drops clients that do not
   * subscribe within 5 s of connecting; the source subscribes in the open callback.)
   */
  public static final Duration SUBSCRIPTION_ACK_TIMEOUT = Duration.ofSeconds(10);

  /** Recognises Coinbase's {@code {"type":"subscriptions",...}} acknowledgement (Coinbase writes no spaces). */
  public static final SubscriptionAck ACK = message -> message.startsWith("{\"type\":\"subscriptions\"")
      || message.contains(",\"type\":\"subscriptions\"");

  /**
   * A bounded, replayable source over recordings made with {@code builder(...).record(...)} (or the example's
   * {@code --record}): the same parser, so a recorded day backfills through the same pipeline.
   */
  public static FileSource<Ticker> replay(Path recordingDirectory) {
    return ReplaySource.of(recordingDirectory, new CoinbaseTickerParser(), Ticker.class);
  }

  /** {@link #replay(Path)} delivering only the tickers of {@code productIds}. */
  public static FileSource<Ticker> replay(Path recordingDirectory, List<String> productIds) {
    return ReplaySource.of(recordingDirectory, CoinbaseTickerParser.forProducts(productIds), Ticker.class);
  }

  /**
   * A pre-configured builder (URI, subscription, parser, type, {@link #IDLE_TIMEOUT},
   * {@link #SUBSCRIPTION_ACK_TIMEOUT}) for further tuning such as the queue capacity or
   * {@code .record(RecordingOptions.in(dir))}.
   */
  public static WebSocketSource.Builder<Ticker> builder(URI uri, List<String> productIds) {
    return WebSocketSource.<Ticker>builder()
        .uri(uri)
        .subscribeMessages(List.of(subscribeMessage(productIds)))
        .parser(new CoinbaseTickerParser())
        .producedType(Ticker.class)
        .idleTimeout(IDLE_TIMEOUT)
        .subscriptionAck(ACK, SUBSCRIPTION_ACK_TIMEOUT);
  }

  /**
   * Field of a subscribe message with which {@link OfflineCoinbaseFeed} resumes after a restore:
   * {@code "resume_after_trade_ids":{"ETH-USD":612349871,...}}. An extension of this project; the live feed is
   * never sent it.
   */
  static final String RESUME_FIELD = "resume_after_trade_ids";

  /**
   * {@code subscribe} with {@value #RESUME_FIELD} set to {@code afterTradeIds}; other messages unchanged.
   */
  static String resumeAfter(String subscribe, Map<String, Long> afterTradeIds) {
    if (!subscribe.startsWith("{\"type\":\"subscribe\"")) {
      return subscribe;
    }
    StringWriter position = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(position)) {
      json.writeStartObject();
      for (Map.Entry<String, Long> product : new TreeMap<>(afterTradeIds).entrySet()) {
        json.writeNumberField(product.getKey(), product.getValue());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "{\"" + RESUME_FIELD + "\":" + position + "," + subscribe.substring(1);
  }

  /**
   * {@code {"type":"subscribe","product_ids":[...],"channels":["ticker","heartbeat"]}}.
   *
   * @throws IllegalArgumentException if there is no product id or one is blank
   */
  public static String subscribeMessage(List<String> productIds) {
    if (productIds.isEmpty()) {
      throw new IllegalArgumentException("Subscribe to at least one product id, e.g. List.of(\"ETH-USD\")");
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("type", "subscribe");
      json.writeArrayFieldStart("product_ids");
      for (String id : productIds) {
        if (id == null || id.isBlank()) {
          throw new IllegalArgumentException("Blank product id in " + productIds);
        }
        json.writeString(id);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("channels");
      for (String channel : CHANNELS) {
        json.writeString(channel);
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
