package io.featuresdk.runtime.source.websocket;

import io.netty.bootstrap.ServerBootstrap;
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
import java.util.concurrent.atomic.AtomicInteger;

/** A scripted WebSocket server on 127.0.0.1 for tests: records what clients send and lets the test answer. */
final class LocalWebSocketServer implements AutoCloseable {

  /** What the server does when a client sends a text message. */
  @FunctionalInterface
  interface Behaviour {
    void onText(Session session, String text);
  }

  /** One accepted WebSocket connection; {@link #index()} counts connections from 1. */
  static final class Session {
    private final Channel channel;
    private final int index;

    Session(Channel channel, int index) {
      this.channel = channel;
      this.index = index;
    }

    int index() {
      return index;
    }

    void send(String text) {
      channel.writeAndFlush(new TextWebSocketFrame(text));
    }

    /** Sends the messages, then closes with a WebSocket close frame carrying {@code code}. */
    void sendAllThenClose(List<String> messages, int code) {
      for (String message : messages) {
        channel.write(new TextWebSocketFrame(message));
      }
      channel.writeAndFlush(new CloseWebSocketFrame(code, "done")).addListener(ChannelFutureListener.CLOSE);
    }

    /** Sends the messages, then drops the TCP connection without a close frame. */
    void sendAllThenDrop(List<String> messages) {
      for (String message : messages) {
        channel.write(new TextWebSocketFrame(message));
      }
      channel.flush();
      channel.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final Channel serverChannel;

  LocalWebSocketServer(Behaviour behaviour) throws InterruptedException {
    serverChannel = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            Session session = new Session(ch, connections.incrementAndGet());
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                // no automatic close frame when the channel closes, so that tests can drop connections abruptly
                new WebSocketServerProtocolHandler(
                    WebSocketServerProtocolConfig.newBuilder().websocketPath("/").sendCloseFrame(null).build()),
                new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                  @Override
                  protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
                    String text = frame.text();
                    received.add(text);
                    behaviour.onText(session, text);
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

  /** Every text message received from clients, across connections, in arrival order. */
  List<String> received() {
    return received;
  }

  int connections() {
    return connections.get();
  }

  @Override
  public void close() {
    serverChannel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }
}
