package io.featuresdk.runtime.source.recording;

import io.featuresdk.runtime.source.websocket.FatalMessageException;
import io.featuresdk.runtime.source.websocket.MalformedMessageException;
import io.featuresdk.runtime.source.websocket.WebSocketMessageParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.Collector;
import org.apache.flink.util.InstantiationUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a recording file ({@link RecordedLine}s) and runs every recorded message through the live source's
 * {@link WebSocketMessageParser}, so a replay yields exactly the records the live source produced from them.
 *
 * <p><b>Exactly-once on restore.</b> The file source checkpoints, per file, how many records this format has
 * returned; a restored reader reads the file again from its start and skips that many. That is exact because each
 * file is parsed by a fresh copy of the parser (per-file state such as the last sequence number starts empty,
 * identically in the first run and after a restore). Consequently a duplicate that spans two files is not
 * removed on replay.
 *
 * <p>A connection marker calls {@link WebSocketMessageParser#onConnected()}. Malformed messages are skipped and
 * logged once per kind, as in the live source; a line that is not a recorded line (e.g. cut off by a crash) is
 * skipped and logged; a {@link FatalMessageException} (for example a recorded {@code error} reply) fails the job.
 */
final class RecordedMessageFormat<T> extends SimpleStreamFormat<T> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(RecordedMessageFormat.class);

  private final WebSocketMessageParser<T> parser;
  private final TypeInformation<T> producedType;
  /** The recording file read, for warnings and errors. */
  private final String fileName;

  RecordedMessageFormat(WebSocketMessageParser<T> parser, TypeInformation<T> producedType, String fileName) {
    this.parser = parser;
    this.producedType = producedType;
    this.fileName = fileName;
  }

  @Override
  public StreamFormat.Reader<T> createReader(Configuration config, FSDataInputStream stream) throws IOException {
    WebSocketMessageParser<T> fresh;
    try {
      fresh = InstantiationUtil.clone(parser, parser.getClass().getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IOException("cannot copy the parser " + parser.getClass().getName(), e);
    }
    fresh.open(new UnregisteredMetricsGroup());
    return new Reader<>(new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)), fresh, fileName);
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return producedType;
  }

  private static final class Reader<T> implements StreamFormat.Reader<T> {
    private final BufferedReader lines;
    private final WebSocketMessageParser<T> parser;
    private final ArrayDeque<T> pending = new ArrayDeque<>();
    private final Collector<T> collector = new Collector<>() {
      @Override
      public void collect(T record) {
        pending.add(record);
      }

      @Override
      public void close() {}
    };
    private final Set<String> loggedKinds = new HashSet<>();
    private final String fileName;
    private long lineNumber;

    Reader(BufferedReader lines, WebSocketMessageParser<T> parser, String fileName) {
      this.lines = lines;
      this.parser = parser;
      this.fileName = fileName;
    }

    @Override
    public T read() throws IOException {
      while (pending.isEmpty()) {
        String text = lines.readLine();
        if (text == null) {
          endOfFile();
          return null;
        }
        lineNumber++;
        RecordedLine line;
        try {
          line = RecordedLine.decode(text);
        } catch (IllegalArgumentException e) {
          logOnce("recording_corrupt", "line " + lineNumber + ": " + e.getMessage());
          continue;
        }
        if (line.isConnected()) {
          parser.onConnected();
          continue;
        }
        try {
          parser.parse(line.message(), collector);
        } catch (MalformedMessageException e) {
          logOnce(e.kind(), "line " + lineNumber + ": " + e.getMessage());
        } catch (FatalMessageException e) {
          throw new IOException("Replay stopped at line " + lineNumber + " of " + fileName + ": " + e.getMessage(), e);
        }
      }
      return pending.poll();
    }

    private void endOfFile() throws IOException {
      try {
        parser.onEndOfInput();
      } catch (FatalMessageException e) {
        throw new IOException("Replay of " + fileName + " failed at its end: " + e.getMessage(), e);
      }
    }

    private void logOnce(String kind, String detail) {
      if (loggedKinds.add(kind)) {
        LOG.warn("Replay of {} skips a malformed recorded message ({}: {}); further ones of this kind in this file"
            + " are not logged", fileName, kind, detail);
      }
    }

    @Override
    public void close() throws IOException {
      lines.close();
    }
  }
}
