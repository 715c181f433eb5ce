package io.featuresdk.runtime.store.hopsworks;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Every log event of every logger at every level, with stack traces, while open. */
final class CapturedLogs implements AutoCloseable {
  final List<String> lines = new CopyOnWriteArrayList<>();
  private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
  private final Level previous;
  private final AbstractAppender appender;

  CapturedLogs() {
    appender =
        new AbstractAppender("captured", null, null, true, Property.EMPTY_ARRAY) {
          @Override
          public void append(LogEvent event) {
            StringWriter text = new StringWriter();
            text.append(event.getLoggerName()).append(' ').append(event.getMessage().getFormattedMessage());
            if (event.getThrown() != null) {
              event.getThrown().printStackTrace(new PrintWriter(text));
            }
            lines.add(text.toString());
          }
        };
    appender.start();
    Configuration config = context.getConfiguration();
    LoggerConfig root = config.getRootLogger();
    previous = root.getLevel();
    root.addAppender(appender, Level.ALL, null);
    root.setLevel(Level.ALL);
    context.updateLoggers();
  }

  @Override
  public void close() {
    LoggerConfig root = context.getConfiguration().getRootLogger();
    root.removeAppender("captured");
    root.setLevel(previous);
    context.updateLoggers();
    appender.stop();
  }
}
