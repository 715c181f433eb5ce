package io.featuresdk.runtime.source.websocket;

import static org.asynchttpclient.Dsl.asyncHttpClient;
import static org.asynchttpclient.Dsl.config;

import io.netty.channel.Channel;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.ws.WebSocket;
import org.asynchttpclient.ws.WebSocketListener;
import org.asynchttpclient.ws.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the async-http-client and the current WebSocket of one reader: connects, subscribes on open, feeds text
 * frames into the {@link MessageHandoff} and, when the connection ends, either ends the input (bounded mode,
 * normal close), fails it (bounded mode, anything else) or reconnects with {@link ReconnectBackoff}
 * (unbounded mode).
 *
 * <p>All listener callbacks run on Netty I/O threads and never block. Connection attempts are strictly
 * sequential: the next one is scheduled only after the previous one has ended, which is what lets the
 * channel initializer hand the new {@link Channel} to the current attempt.
 *
 * <p>Liveness: an optional idle timeout on the channel (any bytes, heartbeats included, count as life) closes
 * a dead connection, which is then replaced like any other dropped one; an optional subscription-ack timeout
 * fails the input for good when the server never acknowledges the subscription. Gap bookkeeping is the parser's
 * (it learns about new connections through the {@link MessageHandoff#CONNECTED} marker); recording happens on
 * the task thread, never here.
 */
final class WebSocketConnection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnection.class);
  static final int NORMAL_CLOSURE = 1000;

  private final WebSocketSourceConfig config;
  private final MessageHandoff handoff;
  private final String name;
  private final AsyncHttpClient client;
  private final ScheduledExecutorService scheduler;
  private final AtomicInteger failedAttempts = new AtomicInteger();
  private final AtomicLong reconnects = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();
  private final AtomicLong idleDisconnects = new AtomicLong();
  private final MessageAge age;
  /** Sent after every (re)connect: the configured messages, possibly with the parser's resume position. */
  private final List<String> subscribeMessages;
  private volatile Channel newestChannel;
  private volatile Attempt current;
  private volatile boolean closed;
  /** Set when the input has failed for good (no acknowledgement): no more reconnects. */
  private volatile boolean gaveUp;

  WebSocketConnection(WebSocketSourceConfig config, MessageHandoff handoff, String name) {
    this(config, handoff, name, new MessageAge(java.time.Clock.systemUTC()), config.subscribeMessages);
  }

  WebSocketConnection(WebSocketSourceConfig config, MessageHandoff handoff, String name, MessageAge age,
      List<String> subscribeMessages) {
    this.config = config;
    this.subscribeMessages = List.copyOf(subscribeMessages);
    this.handoff = handoff;
    this.name = name;
    this.age = age;
    ThreadFactory threads = daemonThreads(name);
    this.client = asyncHttpClient(config()
        .setThreadFactory(threads)
        .setIoThreadsCount(1)
        .setConnectTimeout(config.connectTimeout)
        .setWebSocketMaxFrameSize(config.maxFrameSize)
        .setAggregateWebSocketFrameFragments(true)
        // the upgrade handshake is HTTP/1.1 (RFC 6455); never negotiate HTTP/2 over TLS for it
        .setHttp2Enabled(false)
        // a cancelled job should not wait for Netty's default two-second quiet period
        .setShutdownQuietPeriod(Duration.ZERO)
        .setShutdownTimeout(Duration.ofSeconds(5))
        .setWsAdditionalChannelInitializer(this::initChannel));
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads(name + "-reconnect"));
  }

  void start() {
    connect();
  }

  private void initChannel(Channel channel) {
    newestChannel = channel;
    if (!config.idleTimeout.isZero()) {
      // First in the pipeline, so that any bytes read (heartbeats included) count as life.
      channel.pipeline().addFirst("featuresdk-idle-close", new IdleConnectionCloser(config.idleTimeout, name,
          idleDisconnects::incrementAndGet));
      channel.pipeline().addFirst("featuresdk-idle", new IdleStateHandler(
          config.idleTimeout.toNanos(), 0, 0, TimeUnit.NANOSECONDS));
    }
  }

  /**
   * Completes after {@code delay} on the connection's scheduler, i.e. after every timer (such as the
   * subscription-ack check) scheduled to fire earlier. For tests that must not sleep.
   */
  java.util.concurrent.CompletableFuture<Void> afterScheduled(Duration delay) {
    java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
    scheduler.schedule(() -> done.complete(null), delay.toNanos(), TimeUnit.NANOSECONDS);
    return done;
  }

  /** Connections closed by the idle timeout. */
  long idleDisconnects() {
    return idleDisconnects.get();
  }

  /** Successful re-opens after the first connection (unbounded mode). */
  long reconnects() {
    return reconnects.get();
  }

  private void connect() {
    if (closed) {
      return;
    }
    Attempt attempt = new Attempt();
    current = attempt;
    try {
      client.prepareGet(config.uri.toString())
          .execute(new WebSocketUpgradeHandler.Builder().addWebSocketListener(attempt).build())
          .toCompletableFuture()
          .whenComplete((ws, error) -> {
            if (error != null) {
              attempt.ended(-1, null, error);
            } else if (ws == null) {
              attempt.ended(-1, null, new IOException("server refused the WebSocket upgrade"));
            }
          });
    } catch (RuntimeException e) {
      attempt.ended(-1, null, e);
    }
  }

  private void onAttemptEnded(int code, String reason, Throwable error) {
    if (closed || gaveUp) {
      return;
    }
    String what = error != null
        ? "failed: " + error
        : "was closed by the server with code " + code + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")");
    if (config.bounded()) {
      if (error == null && code == NORMAL_CLOSURE) {
        LOG.info("{}: {} closed normally; end of the bounded input", name, config.uri);
        handoff.endOfInput();
      } else {
        handoff.fail(new IOException("WebSocket " + config.uri + " " + what
            + ". A bounded WebSocket source ends only on a normal close (code 1000).", error));
      }
      return;
    }
    int attempt = failedAttempts.incrementAndGet();
    Duration delay = config.backoff.delay(attempt);
    LOG.warn("{}: WebSocket {} {}; reconnecting in {} ms (attempt {}). Messages sent meanwhile are lost.",
        name, config.uri, what, delay.toMillis(), attempt);
    try {
      scheduler.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closed concurrently
    }
  }

  @Override
  public void close() {
    closed = true;
    scheduler.shutdownNow();
    Attempt attempt = current;
    if (attempt != null && attempt.socket != null && attempt.socket.isOpen()) {
      attempt.socket.sendCloseFrame(NORMAL_CLOSURE, "source closed");
    }
    try {
      client.close();
    } catch (IOException e) {
      LOG.warn("{}: closing the HTTP client failed", name, e);
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** One connection attempt: the listener of its socket and the switch for its reading. */
  private final class Attempt implements WebSocketListener, ReadControl {
    private final AtomicBoolean over = new AtomicBoolean();
    private volatile Channel channel;
    private volatile WebSocket socket;
    private boolean receivedAny;
    private volatile boolean acked;

    @Override
    public void onOpen(WebSocket websocket) {
      socket = websocket;
      channel = newestChannel;
      if (connections.incrementAndGet() > 1) {
        reconnects.incrementAndGet();
      }
      LOG.info("{}: connected to {}; sending {} subscription message(s)", name, config.uri,
          subscribeMessages.size());
      handoff.offer(MessageHandoff.CONNECTED, this);
      if (config.subscriptionAck != null) {
        // scheduled before the subscription goes out, so the ack clock starts no later than the server's
        try {
          scheduler.schedule(this::checkAcknowledged, config.subscriptionAckTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
          // closed concurrently
        }
      }
      for (String message : subscribeMessages) {
        websocket.sendTextFrame(message);
      }
    }

    private void checkAcknowledged() {
      if (acked || over.get() || closed) {
        return;
      }
      gaveUp = true;
      handoff.fail(new SubscriptionNotAcknowledgedException("WebSocket " + config.uri
          + " did not acknowledge the subscription within " + config.subscriptionAckTimeout + " of connecting"
          + " (sent: " + String.join(" ", subscribeMessages) + "). The server ignored or did not understand"
          + " the subscription: check the subscribe message, the endpoint and the channel names."));
      WebSocket ws = socket;
      if (ws != null && ws.isOpen()) {
        ws.sendCloseFrame(NORMAL_CLOSURE, "no subscription acknowledgement");
      }
    }

    @Override
    public void onTextFrame(String payload, boolean finalFragment, int rsv) {
      if (!receivedAny) {
        // Reset the backoff only once the server actually delivers, not merely accepts: a server that accepts
        // and drops at once must not be hammered at the initial delay.
        receivedAny = true;
        failedAttempts.set(0);
      }
      age.received();
      if (!acked && config.subscriptionAck != null && config.subscriptionAck.isAck(payload)) {
        acked = true;
      }
      handoff.offer(payload, this);
    }

    @Override
    public void onClose(WebSocket websocket, int code, String reason) {
      ended(code, reason, null);
    }

    @Override
    public void onError(Throwable error) {
      ended(-1, null, error);
    }

    void ended(int code, String reason, Throwable error) {
      if (over.compareAndSet(false, true)) {
        onAttemptEnded(code, reason, error);
      }
    }

    @Override
    public void pauseReading() {
      Channel c = channel;
      if (c != null) {
        c.config().setAutoRead(false);
      }
    }

    @Override
    public void resumeReading() {
      Channel c = channel;
      if (c != null) {
        c.config().setAutoRead(true);
      }
    }
  }
}
