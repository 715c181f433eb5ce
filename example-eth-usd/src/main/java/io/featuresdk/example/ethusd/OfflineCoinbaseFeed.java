package io.featuresdk.example.ethusd;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.featuresdk.runtime.source.recording.RecordedLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Coinbase-format WebSocket feed served from this JVM on {@code 127.0.0.1} (ephemeral port), so the example and
 * its tests run the real client code without the internet.
 *
 * <p>Per connection it behaves like Coinbase's ticker feed: it waits for a {@code subscribe} message, answers a
 * valid one with a {@code subscriptions} acknowledgement, sends per product a ticker without trade fields (the
 * snapshot Coinbase sends on subscribe), then the {@link TickerGenerator}'s tickers for the subscribed products
 * (plus, if the {@code heartbeat} channel was requested, one {@code heartbeat} per product for every second of the
 * feed's clock, as Coinbase sends one per product per second of wall-clock time; the feed's clock is the event
 * time of the tickers sent so far, from a product's first trade on), and finally closes with code 1000. Each unknown
 * product gets Coinbase's error reply, e.g.
 * {@code {"type":"error","message":"Failed to subscribe","reason":"XYZ-USD is not a valid product"}}; as on
 * Coinbase the acknowledgement of the valid products follows and they are streamed. If no product is valid, the
 * error is followed by a close with code 1000.
 *
 * <p><b>Resume.</b> A subscribe message may carry {@code "resume_after_trade_ids":{"ETH-USD":612349871,...}}
 * (sent by {@link CoinbaseTickerParser#resumingOfflineFeed()} after a restore): then the generated tickers of
 * each listed product up to and including that trade id are not sent again (trade ids increase per product in
 * the order sent), so a restored job continues exactly where its checkpoint was. Coinbase itself cannot do this;
 * the live feed is never sent the field. A recording served with {@link #serving(Path)} always starts over; the
 * parser drops what it delivered before.
 *
 * <p>{@link #serving(Path)} serves a recording instead of the generator.
 *
 * <p>Event times are those of the generator: slightly out of order, each at most
 * {@link TickerGenerator#MAX_DISORDER} (2 s) behind the latest time sent before it, so a watermark strategy with
 * 2 s or more of out-of-orderness (the example declares 30 s) loses nothing.
 *
 * <p>Messages are sent as fast as the client reads them, but never faster: the server writes only while the
 * channel is writable (64 KiB high-water mark) and continues when it becomes writable again, so a slow client
 * holds back the generator instead of filling memory.
 *
 * <pre>{@code
 * try (OfflineCoinbaseFeed feed = OfflineCoinbaseFeed.start(TickerGenerator.defaults())) {
 *   WebSocketSource<Ticker> source = CoinbaseFeed.source(feed.uri(), List.of("ETH-USD"), Boundedness.BOUNDED);
 *   ...
 * }
 * }</pre>
 */
public final class OfflineCoinbaseFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OfflineCoinbaseFeed.class);
  private static final JsonFactory JSON = new JsonFactory();
  private static final Set<String> CHANNELS = Set.of("ticker", "heartbeat");
  private static final int FLUSH_EVERY = 64;

  private final TickerGenerator generator;
  private final Script script;
  private final EventLoopGroup group;
  private final Channel serverChannel;
  private final AtomicInteger resumedSubscriptions = new AtomicInteger();

  private OfflineCoinbaseFeed(TickerGenerator generator, Script script) throws InterruptedException {
    this.generator = generator;
    this.script = script;
    AtomicInteger threads = new AtomicInteger();
    this.group = new MultiThreadIoEventLoopGroup(1, runnable -> {
      Thread thread = new Thread(runnable, "offline-coinbase-feed-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }, NioIoHandler.newFactory());
    this.serverChannel = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                    .websocketPath("/").checkStartsWith(true).build()),
                new Session());
          }
        })
        .bind("127.0.0.1", 0)
        .sync()
        .channel();
    LOG.info("Offline Coinbase feed listening on {}, serving {}", uri(), script.describe());
  }

  /** Starts a feed serving {@code generator}'s tickers to every client that subscribes. */
  public static OfflineCoinbaseFeed start(TickerGenerator generator) throws InterruptedException {
    return new OfflineCoinbaseFeed(generator, new GeneratedScript(generator));
  }

  /**
   * Starts a feed serving a recording made with {@code --record} (a live source's tee) to every client that
   * subscribes, so a recorded session can be re-run through the whole client: WebSocket, parser, pipeline.
   *
   * @throws IllegalArgumentException if {@code directory} holds no finished recording file
   */
  public static OfflineCoinbaseFeed serving(Path recordingDirectory) throws InterruptedException {
    if (!Files.isDirectory(recordingDirectory) || recordingFiles(recordingDirectory).isEmpty()) {
      throw new IllegalArgumentException("No recording (*.jsonl or *.jsonl.gz) in " + recordingDirectory
          + ": record one with --live --record " + recordingDirectory);
    }
    return new OfflineCoinbaseFeed(null, new RecordingScript(recordingDirectory));
  }

  /** Starts a feed with {@link TickerGenerator#defaults()}: six hours of event time, about 43 200 tickers. */
  public static OfflineCoinbaseFeed start() throws InterruptedException {
    return start(TickerGenerator.defaults());
  }

  /** {@code ws://127.0.0.1:<port>/}. */
  public URI uri() {
    return URI.create("ws://127.0.0.1:" + ((InetSocketAddress) serverChannel.localAddress()).getPort() + "/");
  }

  /** Subscriptions so far that asked to resume after a position (a restored client). */
  public int resumedSubscriptions() {
    return resumedSubscriptions.get();
  }

  /** The generator served, or null when serving a recording. */
  public TickerGenerator generator() {
    return generator;
  }

  @Override
  public void close() {
    serverChannel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** The subscription a client asked for, or the reason Coinbase would reject it. */
  private static final class Subscription {
    final List<String> products = new ArrayList<>();
    final List<String> channels = new ArrayList<>();
    /** Why each unknown product was rejected; the others are still served. */
    final List<String> rejectedProducts = new ArrayList<>();
    final Map<String, Long> resumeAfterTradeIds = new HashMap<>();
    String rejection;
  }

  static Subscription parseSubscription(String text, Script script) {
    Subscription s = new Subscription();
    Set<String> products = new LinkedHashSet<>();
    Set<String> channels = new LinkedHashSet<>();
    String type = null;
    try (JsonParser json = JSON.createParser(text)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        s.rejection = "message must be a JSON object";
        return s;
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        JsonToken value = json.nextToken();
        if (name.equals("type") && value == JsonToken.VALUE_STRING) {
          type = json.getText();
        } else if (name.equals("product_ids") && value == JsonToken.START_ARRAY) {
          readStrings(json, products);
        } else if (name.equals(CoinbaseFeed.RESUME_FIELD) && value == JsonToken.START_OBJECT) {
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String product = json.currentName();
            if (json.nextToken() == JsonToken.VALUE_NUMBER_INT) {
              s.resumeAfterTradeIds.put(product, json.getLongValue());
            } else {
              json.skipChildren();
            }
          }
        } else if (name.equals("channels") && value == JsonToken.START_ARRAY) {
          while (json.nextToken() != JsonToken.END_ARRAY) {
            if (json.currentToken() == JsonToken.VALUE_STRING) {
              channels.add(json.getText());
            } else if (json.currentToken() == JsonToken.START_OBJECT) {
              while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken v = json.nextToken();
                if (field.equals("name") && v == JsonToken.VALUE_STRING) {
                  channels.add(json.getText());
                } else if (field.equals("product_ids") && v == JsonToken.START_ARRAY) {
                  readStrings(json, products);
                } else {
                  json.skipChildren();
                }
              }
            } else {
              json.skipChildren();
            }
          }
        } else {
          json.skipChildren();
        }
      }
    } catch (IOException e) {
      s.rejection = "malformed JSON";
      return s;
    }
    if (!"subscribe".equals(type)) {
      s.rejection = "Type has to be either subscribe or unsubscribe";
    } else if (channels.isEmpty()) {
      s.rejection = "No channels provided";
    } else if (products.isEmpty()) {
      s.rejection = "No product ids provided";
    } else {
      for (String channel : channels) {
        if (!CHANNELS.contains(channel)) {
          s.rejection = channel + " is not a valid channel";
          return s;
        }
      }
      for (String product : products) {
        String rejection = script.rejectProduct(product);
        if (rejection != null) {
          s.rejectedProducts.add(rejection);
        } else {
          s.products.add(product);
        }
      }
      s.channels.addAll(channels);
    }
    return s;
  }

  private static void readStrings(JsonParser json, Set<String> into) throws IOException {
    while (json.nextToken() != JsonToken.END_ARRAY) {
      if (json.currentToken() == JsonToken.VALUE_STRING) {
        into.add(json.getText());
      } else {
        json.skipChildren();
      }
    }
  }

  /** What the feed serves to one subscription. */
  private interface Script {
    /** Why Coinbase would reject {@code product}, or null if it is served. */
    String rejectProduct(String product);

    /**
     * The messages for a subscription, after its acknowledgement.
     *
     * @param resumeAfterTradeIds per product, the last trade id the client already has
     */
    Iterator<String> messages(List<String> products, boolean heartbeats, Map<String, Long> resumeAfterTradeIds);

    String describe();
  }

  /**
   * Per product a ticker without trade fields, then the generator's tickers (from the resume position), with a
   * heartbeat per traded product for every second of the feed's clock.
   */
  private static final class GeneratedScript implements Script {
    private final TickerGenerator generator;

    GeneratedScript(TickerGenerator generator) {
      this.generator = generator;
    }

    @Override
    public String rejectProduct(String product) {
      return TickerGenerator.isKnownProduct(product) ? null : product + " is not a valid product";
    }

    @Override
    public Iterator<String> messages(List<String> products, boolean heartbeats,
        Map<String, Long> resumeAfterTradeIds) {
      Iterator<Ticker> tickers = generator.tickers(products);
      Map<String, CoinbaseMessages.DayStats> days = new HashMap<>();
      Map<String, Ticker> latest = new java.util.LinkedHashMap<>();
      ArrayDeque<String> buffer = new ArrayDeque<>();
      for (String product : products) {
        buffer.add(CoinbaseMessages.tickerWithoutTrade(product, 0, TickerGenerator.openingPrice(product)));
      }
      return new Iterator<>() {
        /** The feed's clock: the latest event time sent, in whole seconds; heartbeats are sent up to it. */
        private long heartbeatSecond = Long.MIN_VALUE;

        @Override
        public boolean hasNext() {
          fill();
          return !buffer.isEmpty();
        }

        @Override
        public String next() {
          fill();
          if (buffer.isEmpty()) {
            throw new java.util.NoSuchElementException();
          }
          return buffer.poll();
        }

        private void fill() {
          while (buffer.isEmpty() && tickers.hasNext()) {
            Ticker t = tickers.next();
            CoinbaseMessages.DayStats day = days.computeIfAbsent(t.getProductId(),
                p -> new CoinbaseMessages.DayStats(t.getPrice()));
            day.add(t);
            Long resumeAfter = resumeAfterTradeIds.get(t.getProductId());
            if (resumeAfter != null && t.getTradeId() <= resumeAfter) {
              continue; // the client has it
            }
            if (heartbeats) {
              heartbeatsUpTo(t.getTime().getEpochSecond());
            }
            latest.put(t.getProductId(), t);
            buffer.add(CoinbaseMessages.ticker(t, day));
          }
        }

        private void heartbeatsUpTo(long second) {
          if (heartbeatSecond == Long.MIN_VALUE) {
            heartbeatSecond = second - 1;
          }
          for (long s = heartbeatSecond + 1; s <= second; s++) {
            for (Ticker last : latest.values()) {
              buffer.add(CoinbaseMessages.heartbeat(last.getProductId(), last.getSequence(), last.getTradeId(),
                  java.time.Instant.ofEpochSecond(s)));
            }
          }
          heartbeatSecond = Math.max(heartbeatSecond, second);
        }
      };
    }

    @Override
    public String describe() {
      return generator.span() + " of generated tickers from " + generator.start();
    }
  }

  /**
   * The messages of a recording ({@link io.featuresdk.runtime.source.recording.RecordingOptions}), files in name
   * (= time) order, read lazily. Served: every recorded message except acknowledgements (the feed sends its own),
   * messages of products not subscribed, and heartbeats unless subscribed; malformed recorded messages are
   * served as recorded. Every product id is accepted.
   */
  private static final class RecordingScript implements Script {
    private final Path directory;

    RecordingScript(Path directory) {
      this.directory = directory;
    }

    @Override
    public String rejectProduct(String product) {
      return null;
    }

    @Override
    public Iterator<String> messages(List<String> products, boolean heartbeats,
        Map<String, Long> resumeAfterTradeIds) {
      List<Path> files = recordingFiles(directory);
      Set<String> wanted = Set.copyOf(products);
      return new Iterator<>() {
        private int file;
        private BufferedReader reader;
        private String next = advance();

        private String advance() {
          try {
            while (true) {
              if (reader == null) {
                if (file == files.size()) {
                  return null;
                }
                reader = open(files.get(file++));
              }
              String line = reader.readLine();
              if (line == null) {
                reader.close();
                reader = null;
                continue;
              }
              RecordedLine recorded;
              try {
                recorded = RecordedLine.decode(line);
              } catch (IllegalArgumentException e) {
                continue; // e.g. a line cut off by a crash
              }
              if (recorded.isConnected()) {
                continue;
              }
              String[] typeAndProduct = peek(recorded.message());
              if ("subscriptions".equals(typeAndProduct[0])
                  || (typeAndProduct[1] != null && !wanted.contains(typeAndProduct[1]))
                  || ("heartbeat".equals(typeAndProduct[0]) && !heartbeats)) {
                continue;
              }
              return recorded.message();
            }
          } catch (IOException e) {
            throw new UncheckedIOException("reading the recording in " + directory + " failed", e);
          }
        }

        @Override
        public boolean hasNext() {
          return next != null;
        }

        @Override
        public String next() {
          if (next == null) {
            throw new java.util.NoSuchElementException();
          }
          String result = next;
          next = advance();
          return result;
        }
      };
    }

    @Override
    public String describe() {
      return "the recording in " + directory;
    }

    private static BufferedReader open(Path file) throws IOException {
      InputStream in = Files.newInputStream(file);
      if (file.getFileName().toString().endsWith(".gz")) {
        in = new GZIPInputStream(in, 64 * 1024);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** The top-level {@code type} and {@code product_id} of a message, either null if absent or unreadable. */
    private static String[] peek(String message) {
      String[] result = new String[2];
      try (JsonParser json = JSON.createParser(message)) {
        if (json.nextToken() != JsonToken.START_OBJECT) {
          return result;
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String name = json.currentName();
          JsonToken value = json.nextToken();
          if (value == JsonToken.VALUE_STRING && name.equals("type")) {
            result[0] = json.getText();
          } else if (value == JsonToken.VALUE_STRING && name.equals("product_id")) {
            result[1] = json.getText();
          } else {
            json.skipChildren();
          }
        }
      } catch (IOException e) {
        // served as recorded; the client counts it as malformed
      }
      return result;
    }
  }

  /** Finished recording files in {@code directory} ({@code .jsonl}, {@code .jsonl.gz}; not hidden), by name. */
  static List<Path> recordingFiles(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> {
            String name = f.getFileName().toString();
            return !name.startsWith(".") && (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz"));
          })
          .sorted(Comparator.comparing(f -> f.getFileName().toString()))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the recording directory " + directory, e);
    }
  }

  /** One client connection: subscribe, then pump messages while the channel is writable. */
  private final class Session extends SimpleChannelInboundHandler<TextWebSocketFrame> {
    private Iterator<String> messages;
    private boolean finished;
    private long sent;
    private List<String> products;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
      if (messages != null || finished) {
        return; // one subscription per connection is all the offline feed supports; later messages are ignored
      }
      Subscription subscription = parseSubscription(frame.text(), script);
      for (String rejected : subscription.rejectedProducts) {
        ctx.write(new TextWebSocketFrame(CoinbaseMessages.error("Failed to subscribe", rejected)));
      }
      if (subscription.rejection != null || subscription.products.isEmpty()) {
        finished = true;
        if (subscription.rejection != null) {
          ctx.write(new TextWebSocketFrame(CoinbaseMessages.error("Failed to subscribe", subscription.rejection)));
        }
        ctx.writeAndFlush(new CloseWebSocketFrame(1000, "subscription rejected"))
            .addListener(ChannelFutureListener.CLOSE);
        return;
      }
      products = subscription.products;
      ctx.writeAndFlush(new TextWebSocketFrame(CoinbaseMessages.subscriptions(subscription.channels, products)));
      if (!subscription.resumeAfterTradeIds.isEmpty()) {
        resumedSubscriptions.incrementAndGet();
        LOG.info("Offline Coinbase feed resumes {} after trade ids {}", products, subscription.resumeAfterTradeIds);
      }
      messages = script.messages(products, subscription.channels.contains("heartbeat"),
          subscription.resumeAfterTradeIds);
      pump(ctx);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
      if (ctx.channel().isWritable() && messages != null && !finished) {
        pump(ctx);
      }
      super.channelWritabilityChanged(ctx);
    }

    private void pump(ChannelHandlerContext ctx) {
      Channel channel = ctx.channel();
      int unflushed = 0;
      while (channel.isWritable() && messages.hasNext()) {
        ctx.write(new TextWebSocketFrame(messages.next()));
        sent++;
        if (++unflushed == FLUSH_EVERY) {
          ctx.flush();
          unflushed = 0;
        }
      }
      ctx.flush();
      if (!messages.hasNext()) {
        finished = true;
        LOG.info("Offline Coinbase feed sent {} messages for {}; closing", sent, products);
        ctx.writeAndFlush(new CloseWebSocketFrame(1000, "end of offline feed"))
            .addListener(ChannelFutureListener.CLOSE);
      }
    }
  }
}
