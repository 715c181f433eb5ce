package io.featuresdk.example.ethusd;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket server on 127.0.0.1 whose every answer the test scripts: per connection (numbered from 1) it is
 * told each text the client sends and may send, close normally, drop the TCP connection, or stay silent.
 */
final class ScriptedWebSocketServer implements AutoCloseable {

  @FunctionalInterface
  interface Script {
    void onText(Session session, String text);
  }

  static final class Session {
    private final Channel channel;
    private final int index;

    Session(Channel channel, int index) {
      this.channel = channel;
      this.index = index;
    }

    /** 1 for the first connection, 2 for the first reconnect, ... */
    int index() {
      return index;
    }

    void send(List<String> messages) {
      messages.forEach(m -> channel.write(new TextWebSocketFrame(m)));
      channel.flush();
    }

    void sendThenClose(List<String> messages) {
      messages.forEach(m -> channel.write(new TextWebSocketFrame(m)));
      channel.writeAndFlush(new CloseWebSocketFrame(1000, "done")).addListener(ChannelFutureListener.CLOSE);
    }

    /** Sends, then drops the TCP connection without a close frame: a connection lost mid-stream. */
    void sendThenDrop(List<String> messages) {
      messages.forEach(m -> channel.write(new TextWebSocketFrame(m)));
      channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Channel> channels = new CopyOnWriteArrayList<>();
  private final Channel serverChannel;

  ScriptedWebSocketServer(Script script) throws InterruptedException {
    serverChannel = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            Session session = new Session(ch, connections.incrementAndGet());
            channels.add(ch);
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                new WebSocketServerProtocolHandler(
                    WebSocketServerProtocolConfig.newBuilder().websocketPath("/").sendCloseFrame(null).build()),
                new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                  @Override
                  protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
                    received.add(frame.text());
                    script.onText(session, frame.text());
                  }
                });
          }
        })
        .bind("127.0.0.1", 0)
        .sync()
        .channel();
  }

  URI uri() {
    return URI.create("ws://127.0.0.1:" + ((InetSocketAddress) serverChannel.localAddress()).getPort() + "/");
  }

  /** Texts received from clients, all connections, in order. */
  List<String> received() {
    return received;
  }

  int connections() {
    return connections.get();
  }

  /** Completes when every connection accepted so far has been closed (by either side). */
  java.util.concurrent.CompletableFuture<Void> allConnectionsClosed() {
    java.util.concurrent.CompletableFuture<?>[] closed = channels.stream().map(ch -> {
      java.util.concurrent.CompletableFuture<Void> f = new java.util.concurrent.CompletableFuture<>();
      ch.closeFuture().addListener(done -> f.complete(null));
      return f;
    }).toArray(java.util.concurrent.CompletableFuture[]::new);
    return java.util.concurrent.CompletableFuture.allOf(closed);
  }

  @Override
  public void close() {
    serverChannel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
