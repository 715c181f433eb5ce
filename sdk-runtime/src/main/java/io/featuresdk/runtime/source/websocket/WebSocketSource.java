package io.featuresdk.runtime.source.websocket;

import io.featuresdk.runtime.OptionalDependency;
import io.featuresdk.runtime.source.recording.RecordingOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A FLIP-27 source that reads one WebSocket connection (async-http-client) and turns each text message into
 * records with a {@link WebSocketMessageParser}.
 *
 * <pre>{@code
 * WebSocketSource<Ticker> source = WebSocketSource.<Ticker>builder()
 *     .uri(URI.create("wss://ws-feed.exchange.coinbase.com"))
 *     .subscribeMessages(List.of("{\"type\":\"subscribe\", ...}"))
 *     .parser(new MyParser())
 *     .producedType(Ticker.class)
 *     .build();                                   // CONTINUOUS_UNBOUNDED by default
 * DataStream<Ticker> ticks = env.fromSource(source, watermarks, "ticker");
 * }</pre>
 *
 * <p><b>Parallelism.</b> There is exactly one split (one connection). Any parallelism works: one reader gets the
 * split, the others are told there are no more splits and finish at once.
 *
 * <p><b>Boundedness.</b> {@link Boundedness#CONTINUOUS_UNBOUNDED} (live): a dropped or closed connection is
 * re-opened with capped exponential backoff plus jitter and the subscription messages are sent again; messages
 * published meanwhile are lost. {@link Boundedness#BOUNDED} (recorded/offline feeds, tests): a normal server
 * close (code 1000) ends the input; any other end fails the job.
 *
 * <p><b>Back-pressure.</b> Text frames go into a hand-off queue of {@link Builder#queueCapacity(int)} messages;
 * when it is full the socket stops being read until the queue has drained to half (see {@code MessageHandoff}).
 * Nothing is dropped and Netty's I/O thread never blocks.
 *
 * <p><b>Checkpoints.</b> The split carries the parser's position ({@link WebSocketMessageParser#snapshotState()},
 * e.g. the last trade id per product). A restored reader hands it back to the parser before connecting, so what
 * was delivered before the failure is dropped if the server sends it again, and subscribes with
 * {@link WebSocketMessageParser#subscribeMessages}, where a parser whose server can serve from a position asks
 * for it. A live feed cannot replay: what it published between the checkpoint's position and the new
 * subscription is lost, and a parser that tracks ids ({@link SequenceGapTracker}) counts it. A recording is
 * flushed on every checkpoint; exactly-once from a live feed needs a recording and
 * {@link io.featuresdk.runtime.source.recording.ReplaySource}.
 *
 * <p><b>Liveness.</b> With {@link Builder#idleTimeout} a connection on which nothing (heartbeats included) has
 * arrived for that long is closed and replaced; with {@link Builder#subscriptionAck} a server that does not
 * acknowledge the subscription in time fails the source with a message naming the cause.
 *
 * <p><b>Failures.</b> Malformed messages are skipped, counted per kind and logged once per kind; a
 * {@link FatalMessageException} from the parser (or a missing subscription acknowledgement) fails the job as a
 * {@code FatalMessageException}, never wrapped into a generic runtime exception.
 *
 * <p><b>Record and replay.</b> {@link Builder#record} tees the raw messages into rotated JSON-lines files that
 * {@link io.featuresdk.runtime.source.recording.ReplaySource} reads back as a bounded, replayable source.
 *
 * <p><b>Metrics</b> (source reader group): see {@code WebSocketSourceMetrics}; parsers add their own, e.g.
 * {@link SequenceGapTracker}'s {@code sequenceGaps}, {@code lostMessages}, {@code duplicates},
 * {@code outOfOrder}.
 *
 * @param <T> record type
 */
public final class WebSocketSource<T>
    implements Source<T, WebSocketSplit, WebSocketEnumeratorState>, ResultTypeQueryable<T> {
  private static final long serialVersionUID = 1L;

  private final WebSocketSourceConfig config;
  private final WebSocketMessageParser<T> parser;
  private final TypeInformation<T> producedType;

  private WebSocketSource(WebSocketSourceConfig config, WebSocketMessageParser<T> parser,
      TypeInformation<T> producedType) {
    this.config = config;
    this.parser = parser;
    this.producedType = producedType;
  }

  public static <T> Builder<T> builder() {
    OptionalDependency.WEBSOCKET_SOURCE.check();
    return new Builder<>();
  }

  @Override
  public Boundedness getBoundedness() {
    return config.boundedness;
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return producedType;
  }

  /** The endpoint this source connects to. */
  public URI uri() {
    return config.uri;
  }

  /** The messages sent after every (re)connect. */
  public List<String> subscribeMessages() {
    return config.subscribeMessages;
  }

  /** How many received messages wait for the reader before the socket stops being read. */
  public int queueCapacity() {
    return config.queueCapacity;
  }

  @Override
  public SourceReader<T, WebSocketSplit> createReader(SourceReaderContext readerContext) {
    return new WebSocketSourceReader<>(readerContext, config, parser);
  }

  @Override
  public SplitEnumerator<WebSocketSplit, WebSocketEnumeratorState> createEnumerator(
      SplitEnumeratorContext<WebSocketSplit> enumContext) {
    return new WebSocketSplitEnumerator(enumContext, true);
  }

  @Override
  public SplitEnumerator<WebSocketSplit, WebSocketEnumeratorState> restoreEnumerator(
      SplitEnumeratorContext<WebSocketSplit> enumContext, WebSocketEnumeratorState checkpoint) {
    return new WebSocketSplitEnumerator(enumContext, checkpoint.splitUnassigned());
  }

  @Override
  public SimpleVersionedSerializer<WebSocketSplit> getSplitSerializer() {
    return WebSocketSplitSerializer.INSTANCE;
  }

  @Override
  public SimpleVersionedSerializer<WebSocketEnumeratorState> getEnumeratorCheckpointSerializer() {
    return WebSocketEnumeratorStateSerializer.INSTANCE;
  }

  /**
   * Builds a {@link WebSocketSource}. Required: {@link #uri}, {@link #parser}, {@link #producedType}. Defaults:
   * no subscription messages, {@code CONTINUOUS_UNBOUNDED}, queue capacity 10 000 messages, reconnect backoff
   * 500 ms doubling up to 30 s, connect timeout 10 s, maximum frame size 64 KiB, no idle timeout.
   */
  public static final class Builder<T> {
    private URI uri;
    private List<String> subscribeMessages = List.of();
    private WebSocketMessageParser<T> parser;
    private TypeInformation<T> producedType;
    private Boundedness boundedness = Boundedness.CONTINUOUS_UNBOUNDED;
    private int queueCapacity = 10_000;
    private Duration initialReconnectDelay = Duration.ofMillis(500);
    private Duration maxReconnectDelay = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private int maxFrameSize = 64 * 1024;
    private Duration idleTimeout = Duration.ZERO;
    private SubscriptionAck subscriptionAck;
    private Duration subscriptionAckTimeout = Duration.ZERO;
    private RecordingOptions recording;

    private Builder() {}

    /** The {@code ws://} or {@code wss://} endpoint. */
    public Builder<T> uri(URI uri) {
      this.uri = Objects.requireNonNull(uri, "uri");
      return this;
    }

    /** Text messages sent, in order, right after every successful (re)connect. */
    public Builder<T> subscribeMessages(List<String> messages) {
      this.subscribeMessages = List.copyOf(messages);
      return this;
    }

    public Builder<T> parser(WebSocketMessageParser<T> parser) {
      this.parser = Objects.requireNonNull(parser, "parser");
      return this;
    }

    public Builder<T> producedType(TypeInformation<T> type) {
      this.producedType = Objects.requireNonNull(type, "type");
      return this;
    }

    public Builder<T> producedType(Class<T> type) {
      return producedType(TypeInformation.of(type));
    }

    /** {@code CONTINUOUS_UNBOUNDED} (default, reconnects) or {@code BOUNDED} (ends on a normal close). */
    public Builder<T> boundedness(Boundedness boundedness) {
      this.boundedness = Objects.requireNonNull(boundedness, "boundedness");
      return this;
    }

    /** Maximum number of received messages waiting for the task thread; reading pauses when it is full. */
    public Builder<T> queueCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("queueCapacity must be at least 1, was " + capacity);
      }
      this.queueCapacity = capacity;
      return this;
    }

    /** Backoff between reconnects in unbounded mode: full jitter, doubling from {@code initial} up to {@code max}. */
    public Builder<T> reconnectBackoff(Duration initial, Duration max) {
      this.initialReconnectDelay = Objects.requireNonNull(initial, "initial");
      this.maxReconnectDelay = Objects.requireNonNull(max, "max");
      return this;
    }

    public Builder<T> connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Largest accepted frame in bytes (async-http-client's default of 10 KiB is small for some feeds). */
    public Builder<T> maxFrameSize(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxFrameSize must be positive, was " + bytes);
      }
      this.maxFrameSize = bytes;
      return this;
    }

    /**
     * Treats a connection that has received nothing for {@code timeout} as dead and closes it (then it is
     * reconnected in unbounded mode, or the job fails in bounded mode). Use it with feeds that send heartbeats,
     * e.g. a few seconds for Coinbase's one-per-second heartbeat channel. Time spent with reading paused by
     * back-pressure does not count. {@code Duration.ZERO} (default) disables it.
     */
    public Builder<T> idleTimeout(Duration timeout) {
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("idleTimeout must not be negative, was " + timeout);
      }
      this.idleTimeout = timeout;
      return this;
    }

    /**
     * Expects the server to acknowledge the subscription within {@code timeout} after every (re)connect; if it
     * does not, the source fails with an error naming the endpoint, the timeout and the subscription sent (a
     * server that ignores the subscription will not heal by reconnecting). Not set by default.
     */
    public Builder<T> subscriptionAck(SubscriptionAck ack, Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("subscription ack timeout must be positive, was " + timeout);
      }
      this.subscriptionAck = Objects.requireNonNull(ack, "ack");
      this.subscriptionAckTimeout = timeout;
      return this;
    }

    /**
     * Tees every received message (before parsing, malformed ones included) and every (re)connect into rotated
     * JSON-lines files, for {@link io.featuresdk.runtime.source.recording.ReplaySource}. Written on the task
     * thread, flushed on checkpoints; a write failure fails the job. Not set by default.
     */
    public Builder<T> record(RecordingOptions options) {
      this.recording = Objects.requireNonNull(options, "options");
      return this;
    }

    public WebSocketSource<T> build() {
      if (uri == null) {
        throw new IllegalStateException("WebSocketSource needs a uri: call .uri(URI.create(\"wss://...\"))");
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!scheme.equals("ws") && !scheme.equals("wss")) {
        throw new IllegalStateException("WebSocketSource uri must start with ws:// or wss://, was " + uri);
      }
      if (parser == null) {
        throw new IllegalStateException("WebSocketSource needs a parser: call .parser(...)");
      }
      if (producedType == null) {
        throw new IllegalStateException(
            "WebSocketSource needs the record type: call .producedType(MyRecord.class) or a TypeInformation");
      }
      WebSocketSourceConfig config = new WebSocketSourceConfig(uri, subscribeMessages, boundedness, queueCapacity,
          new ReconnectBackoff(initialReconnectDelay, maxReconnectDelay), connectTimeout, maxFrameSize, idleTimeout,
          subscriptionAck, subscriptionAckTimeout, recording);
      return new WebSocketSource<>(config, parser, producedType);
    }
  }
}
