package io.featuresdk.runtime.source.websocket;

import io.featuresdk.runtime.source.recording.RecordedLine;
import io.featuresdk.runtime.source.recording.RecordingWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.util.Collector;
import org.apache.flink.util.FlinkRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the one WebSocket split: asks the enumerator for it on start, connects when it arrives, and in
 * {@link #pollNext} parses one queued message per call on the task thread. {@link #isAvailable()} is the
 * hand-off's future, completed by the I/O thread when a message or the end of the input arrives, so an idle
 * reader neither spins nor sleeps.
 *
 * <p><b>Position.</b> Each checkpoint stores the parser's state in the split
 * ({@link WebSocketMessageParser#snapshotState()}); a restored reader gives it back to the parser before
 * connecting and subscribes with {@link WebSocketMessageParser#subscribeMessages}, so the parser drops what was
 * delivered before the failure and a server that can resume is asked to.
 *
 * <p><b>Failures.</b> A {@link FatalMessageException} from the parser, or a fatal end of the connection such as
 * a missing subscription acknowledgement, is thrown as a {@code FatalMessageException} (never wrapped into a
 * generic runtime exception), so a restart strategy or failure classifier can tell it from a transient failure.
 *
 * <p>With recording on, every polled message (and every new connection) is written to the
 * {@link RecordingWriter} before it is parsed, on this thread, and the writer is flushed on each checkpoint.
 */
final class WebSocketSourceReader<T> implements SourceReader<T, WebSocketSplit> {

  private static final Logger LOG = LoggerFactory.getLogger(WebSocketSourceReader.class);
  private static final CompletableFuture<Void> AVAILABLE = CompletableFuture.completedFuture(null);
  private static final int EXCERPT = 200;

  private final SourceReaderContext context;
  private final WebSocketSourceConfig config;
  private final WebSocketMessageParser<T> parser;
  private final MessageHandoff handoff;
  private final WebSocketSourceMetrics metrics;
  private final OutputCollector<T> collector = new OutputCollector<>();
  private final Clock clock;
  private final MessageAge age;
  private final RecordingWriter recorder;

  private WebSocketSplit split;
  /** A checkpointed position this build cannot read: fatal, reported by the next poll (addSplits cannot throw). */
  private FatalMessageException restoreFailure;
  private volatile WebSocketConnection connection; // read by the metric reporter's thread
  private boolean noMoreSplits;

  WebSocketSourceReader(SourceReaderContext context, WebSocketSourceConfig config, WebSocketMessageParser<T> parser) {
    this(context, config, parser, Clock.systemUTC());
  }

  WebSocketSourceReader(SourceReaderContext context, WebSocketSourceConfig config, WebSocketMessageParser<T> parser,
      Clock clock) {
    this.context = context;
    this.config = config;
    this.parser = parser;
    this.clock = clock;
    this.age = new MessageAge(clock);
    this.handoff = new MessageHandoff(config.queueCapacity);
    this.metrics = new WebSocketSourceMetrics(context.metricGroup(), handoff,
        () -> {
          WebSocketConnection current = connection;
          return current == null ? 0L : current.reconnects();
        },
        () -> {
          WebSocketConnection current = connection;
          return current == null ? 0L : current.idleDisconnects();
        },
        age);
    this.recorder = config.recording == null ? null
        : new RecordingWriter(config.recording, "subtask" + context.getIndexOfSubtask(), clock);
    // Opened here, not in start(): Flink hands a restored split to addSplits before it calls start().
    parser.open(context.metricGroup());
  }

  @Override
  public void start() {
    context.sendSplitRequest();
  }

  @Override
  public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
    if (restoreFailure != null) {
      throw restoreFailure;
    }
    String message = handoff.poll();
    if (message != null) {
      if (message == MessageHandoff.CONNECTED) {
        record(RecordedLine.connected(nowMicros()));
        parser.onConnected();
      } else {
        metrics.messageReceived();
        record(RecordedLine.message(nowMicros(), message));
        parse(message, output);
      }
      return InputStatus.MORE_AVAILABLE;
    }
    Throwable failure = handoff.failureAfterDrain();
    if (failure instanceof SubscriptionNotAcknowledgedException) {
      parser.onEndOfInput(); // the parser may know why, e.g. an error reply it is holding
      throw new FatalMessageException(failure.getMessage(), failure);
    }
    if (failure != null) {
      throw new FlinkRuntimeException(failure.getMessage(), failure);
    }
    if (handoff.finished()) {
      parser.onEndOfInput();
      return InputStatus.END_OF_INPUT;
    }
    if (split == null && noMoreSplits) {
      return InputStatus.END_OF_INPUT;
    }
    return InputStatus.NOTHING_AVAILABLE;
  }

  private void parse(String message, ReaderOutput<T> output) throws FatalMessageException {
    collector.output = output;
    try {
      parser.parse(message, collector);
    } catch (MalformedMessageException e) {
      if (metrics.malformed(e.kind())) {
        LOG.warn("Skipping malformed message from {} ({}: {}). Further '{}' messages are skipped and counted in "
                + "metric {}.{} without logging. Excerpt: {}", config.uri, e.kind(), e.getMessage(), e.kind(),
            WebSocketSourceMetrics.PARSE_ERRORS, e.kind(), excerpt(message));
      } else if (LOG.isDebugEnabled()) {
        LOG.debug("Skipping malformed message ({}: {}): {}", e.kind(), e.getMessage(), excerpt(message));
      }
    } catch (FatalMessageException e) {
      throw new FatalMessageException("WebSocket source " + config.uri + " stopped: " + e.getMessage(), e);
    } finally {
      collector.output = null;
    }
  }

  private void record(RecordedLine line) {
    if (recorder == null) {
      return;
    }
    try {
      recorder.write(line);
    } catch (IOException e) {
      throw new UncheckedIOException("Recording the WebSocket messages of " + config.uri + " into "
          + config.recording.directory() + " failed: " + e.getMessage()
          + ". Free disk space or fix permissions, or run without recording.", e);
    }
  }

  private long nowMicros() {
    java.time.Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  private static String excerpt(String message) {
    return message.length() <= EXCERPT ? message : message.substring(0, EXCERPT) + "... (" + message.length() + " chars)";
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    if (split == null && noMoreSplits) {
      return AVAILABLE;
    }
    return handoff.available();
  }

  @Override
  public void addSplits(List<WebSocketSplit> splits) {
    if (splits.isEmpty()) {
      return;
    }
    if (split != null || splits.size() > 1) {
      throw new IllegalStateException("A WebSocket source reader handles exactly one split; got " + splits
          + (split == null ? "" : " while holding " + split));
    }
    split = splits.get(0);
    if (split.hasParserState()) {
      try {
        parser.restoreState(split.parserStateVersion(), split.parserState());
      } catch (IOException e) {
        restoreFailure = new FatalMessageException("Restoring the position of " + config.uri + " from " + split
            + " failed: " + e.getMessage() + ". Restore with the build that wrote the checkpoint, or start without"
            + " it.", e);
        return;
      }
      LOG.info("Restored the position of {} from the checkpoint ({}); what was delivered before is dropped",
          config.uri, split);
    }
    connection = new WebSocketConnection(config, handoff,
        "websocket-source-" + context.getIndexOfSubtask(), age, parser.subscribeMessages(config.subscribeMessages));
    connection.start();
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
    handoff.wakeUp();
  }

  /** The split with the parser's position: exactly what was emitted before this call. */
  @Override
  public List<WebSocketSplit> snapshotState(long checkpointId) {
    if (recorder != null) {
      try {
        recorder.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("Flushing the recording in " + config.recording.directory() + " failed", e);
      }
    }
    if (split == null) {
      return Collections.emptyList();
    }
    try {
      return List.of(split.withParserState(parser.stateVersion(), parser.snapshotState()));
    } catch (IOException e) {
      throw new UncheckedIOException("Writing the position of " + config.uri + " into the checkpoint failed", e);
    }
  }

  @Override
  public void close() throws IOException {
    if (connection != null) {
      connection.close();
    }
    if (recorder != null) {
      recorder.close();
    }
  }

  /** Adapts Flink's {@link ReaderOutput} to the parser's {@link Collector}. */
  private static final class OutputCollector<T> implements Collector<T> {
    ReaderOutput<T> output;

    @Override
    public void collect(T record) {
      output.collect(record);
    }

    @Override
    public void close() {}
  }
}
