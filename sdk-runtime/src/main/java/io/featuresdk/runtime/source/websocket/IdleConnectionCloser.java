package io.featuresdk.runtime.source.websocket;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection on which nothing has been read for the idle timeout, so that a silently dead connection
 * (no FIN, no close frame: common with NAT and load balancers) or one whose heartbeats stopped is noticed and
 * replaced. Idleness while reading is paused by back-pressure is our own doing and is ignored.
 */
final class IdleConnectionCloser extends ChannelDuplexHandler {

  private static final Logger LOG = LoggerFactory.getLogger(IdleConnectionCloser.class);

  private final Duration timeout;
  private final String name;
  private final Runnable onIdleClose;

  IdleConnectionCloser(Duration timeout, String name, Runnable onIdleClose) {
    this.timeout = timeout;
    this.name = name;
    this.onIdleClose = onIdleClose;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent) {
      if (ctx.channel().config().isAutoRead()) {
        LOG.warn("{}: nothing received for {} (heartbeats stopped?); closing the connection as dead", name, timeout);
        onIdleClose.run();
        ctx.close();
      }
      return;
    }
    super.userEventTriggered(ctx, event);
  }
}
