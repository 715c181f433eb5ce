package io.featuresdk.runtime.source.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.Collector;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/**
 * A reader restored from a checkpoint of the split neither loses nor repeats what the reader before it
 * delivered, both when the server starts again from the beginning (a live feed or a feed that cannot resume:
 * the parser drops the repeats) and when the parser asks the server to resume after its position.
 */
class WebSocketSourceReaderRestoreTest {

  private static final String SUBSCRIBE = "subscribe";
  private static final int MESSAGES = 500;
  private static final int BEFORE_CHECKPOINT = 180;
  private static final List<String> ALL =
      IntStream.rangeClosed(1, MESSAGES).mapToObj(i -> "A:" + i).collect(Collectors.toList());

  @Test
  void aRestoredReaderDropsWhatWasDeliveredWhenTheServerStartsOver() throws Exception {
    try (LocalWebSocketServer server = new LocalWebSocketServer(
        (session, text) -> session.sendAllThenClose(ALL, 1000))) {
      assertDeliveredExactlyOnceAcrossARestore(server, new IdParser());
    }
  }

  @Test
  void aRestoredReaderAsksAResumingServerToContinueAfterItsPosition() throws Exception {
    try (LocalWebSocketServer server = new LocalWebSocketServer((session, text) -> {
      int after = text.startsWith("resume-after:") ? Integer.parseInt(text.substring("resume-after:".length())) : 0;
      session.sendAllThenClose(ALL.subList(after, ALL.size()), 1000);
    })) {
      assertDeliveredExactlyOnceAcrossARestore(server, new ResumingIdParser());
      assertEquals(List.of(SUBSCRIBE, "resume-after:" + BEFORE_CHECKPOINT), server.received());
    }
  }

  @Test
  void theSplitWithItsPositionSurvivesTheSerializerAndVersionOneSplitsStillRead() throws Exception {
    WebSocketSplit split = WebSocketSplit.single().withParserState(3, new byte[] {1, 2, 3});
    WebSocketSplitSerializer serializer = WebSocketSplitSerializer.INSTANCE;
    assertEquals(split, serializer.deserialize(serializer.getVersion(), serializer.serialize(split)));
    WebSocketSplit old = serializer.deserialize(1, WebSocketSplit.SPLIT_ID.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(WebSocketSplit.SPLIT_ID, old.splitId());
    assertTrue(!old.hasParserState(), "a version 1 split has no position");
  }

  private static void assertDeliveredExactlyOnceAcrossARestore(LocalWebSocketServer server,
      WebSocketMessageParser<String> parser) throws Exception {
    WebSocketSourceConfig config = config(server.uri());
    WebSocketMessageParser<String> restoredParser = InstantiationUtil.clone(parser);

    ReaderHarness.CollectingOutput first = new ReaderHarness.CollectingOutput();
    WebSocketSplit checkpointed;
    WebSocketSourceReader<String> reader = new WebSocketSourceReader<>(new ReaderHarness.Context(), config, parser);
    try {
      reader.start();
      reader.addSplits(List.of(WebSocketSplit.single()));
      while (first.records.size() < BEFORE_CHECKPOINT) {
        pollOnce(reader, first);
      }
      checkpointed = reader.snapshotState(1).get(0);
    } finally {
      reader.close(); // the failure: everything after the checkpoint is lost with this reader
    }

    ReaderHarness.CollectingOutput second = new ReaderHarness.CollectingOutput();
    WebSocketSourceReader<String> restored = new WebSocketSourceReader<>(new ReaderHarness.Context(), config, restoredParser);
    try {
      restored.addSplits(List.of(WebSocketSplit.single().withParserState(checkpointed.parserStateVersion(),
          checkpointed.parserState())));
      restored.start();
      while (pollOnce(restored, second) != InputStatus.END_OF_INPUT) {
        // drain
      }
    } finally {
      restored.close();
    }

    List<String> delivered = new ArrayList<>(first.records.subList(0, BEFORE_CHECKPOINT));
    delivered.addAll(second.records);
    assertEquals(ALL, delivered, "before the checkpoint + after the restore = every message once, in order");
  }

  private static InputStatus pollOnce(WebSocketSourceReader<String> reader, ReaderHarness.CollectingOutput output)
      throws Exception {
    return ReaderHarness.pollOnce(reader, output);
  }

  private static WebSocketSourceConfig config(URI uri) {
    return ReaderHarness.boundedConfig(uri, SUBSCRIBE);
  }

  /** "key:id" messages; checkpoints its {@link SequenceGapTracker} and drops ids it has delivered. */
  static class IdParser implements WebSocketMessageParser<String> {
    private static final long serialVersionUID = 1L;
    transient SequenceGapTracker ids;

    @Override
    public void open(MetricGroup metrics) {
      ids = new SequenceGapTracker(metrics);
    }

    @Override
    public void parse(String message, Collector<String> out) {
      String[] parts = message.split(":");
      if (ids.track(parts[0], Long.parseLong(parts[1])) != SequenceGapTracker.Outcome.DUPLICATE) {
        out.collect(message);
      }
    }

    @Override
    public int stateVersion() {
      return 1;
    }

    @Override
    public byte[] snapshotState() throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(64);
      ids.snapshot(out);
      return out.getCopyOfBuffer();
    }

    @Override
    public void restoreState(int version, byte[] state) throws IOException {
      ids.restore(new DataInputDeserializer(state));
    }
  }

  /** {@link IdParser} whose server can resume: "resume-after:n" replaces the subscription after a restore. */
  static final class ResumingIdParser extends IdParser {
    private static final long serialVersionUID = 1L;

    @Override
    public List<String> subscribeMessages(List<String> configured) {
      Long highest = ids.highest("A");
      return highest == null ? configured : List.of("resume-after:" + highest);
    }
  }
}
