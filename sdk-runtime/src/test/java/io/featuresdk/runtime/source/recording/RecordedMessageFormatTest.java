package io.featuresdk.runtime.source.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.featuresdk.runtime.source.websocket.SequenceGapTracker;
import io.featuresdk.runtime.source.websocket.WebSocketMessageParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The property the replay's exactly-once restore rests on: the file source restores a file by reading it again
 * and skipping the number of records already emitted, so reading a file must give the same records every time,
 * even with a stateful parser that already saw other files.
 */
class RecordedMessageFormatTest {

  /** Drops repeated sequence numbers ("key:seq"): its output depends on what it saw before. */
  static final class DedupParser implements WebSocketMessageParser<String> {
    private static final long serialVersionUID = 1L;
    private transient SequenceGapTracker tracker;

    @Override
    public void parse(String message, org.apache.flink.util.Collector<String> out) {
      if (tracker == null) {
        tracker = new SequenceGapTracker();
      }
      String[] parts = message.split(":");
      if (tracker.track(parts[0], Long.parseLong(parts[1])) != SequenceGapTracker.Outcome.DUPLICATE) {
        out.collect(message);
      }
    }
  }

  @TempDir Path dir;

  @Test
  void everyReaderOfAFileYieldsTheSameRecordsWhateverItsParserSawBefore() throws IOException {
    Path first = write("a.jsonl", "A:1", "A:2", "A:3");
    Path second = write("b.jsonl", "A:2", "A:3", "A:4", "A:4", "A:5");
    RecordedMessageFormat<String> format = new RecordedMessageFormat<>(new DedupParser(), Types.STRING, "test.jsonl");
    read(format, first);
    List<String> once = read(format, second);
    List<String> again = read(format, second);
    assertEquals(List.of("A:2", "A:3", "A:4", "A:5"), once);
    assertEquals(once, again);
  }

  private Path write(String name, String... messages) throws IOException {
    StringBuilder s = new StringBuilder();
    for (String m : messages) {
      s.append(RecordedLine.message(0, m).encode()).append('\n');
    }
    return Files.writeString(dir.resolve(name), s, StandardCharsets.UTF_8);
  }

  private static List<String> read(RecordedMessageFormat<String> format, Path file) throws IOException {
    org.apache.flink.core.fs.Path path = new org.apache.flink.core.fs.Path(file.toUri());
    List<String> out = new ArrayList<>();
    try (StreamFormat.Reader<String> reader = format.createReader(new Configuration(),
        FileSystem.getLocalFileSystem().open(path))) {
      String record;
      while ((record = reader.read()) != null) {
        out.add(record);
      }
    }
    return out;
  }
}
