package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.source.recording.RecordedLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recordings of real Coinbase sessions in the shared fixtures through the replay path
 * ({@link CoinbaseFeed#replay}), against a plain scan of the recorded messages ({@link CoinbaseFixtures}).
 */
class CoinbaseRealRecordingITCase {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
          .build());

  @Test
  void replayingTheRealRecordingsDeliversExactlyTheScannedTrades() throws Exception {
    Path recording = CoinbaseFixtures.directory().resolve("recording");
    List<String> expected = scannedTrades(recording, null);
    assertEquals(133, expected.size(), "SOURCES.md: the 136 tickers, 3 of them without trade fields");
    assertEquals(expected, sorted(replay(CoinbaseFeed.replay(recording))));
  }

  @Test
  void replayingWithProductsDeliversOnlyTheirTrades() throws Exception {
    Path recording = CoinbaseFixtures.directory().resolve("recording");
    List<String> expected = scannedTrades(recording, "ETH-USD");
    assertTrue(!expected.isEmpty(), "the fixtures hold ETH-USD trades");
    assertEquals(expected, sorted(replay(CoinbaseFeed.replay(recording, List.of("ETH-USD")))));
  }

  @Test
  void aSessionWithAnErrorForOneProductAndAnAcknowledgementForOthersReplaysWithoutFailing() throws Exception {
    Path recording = CoinbaseFixtures.directory().resolve("recording-error");
    assertEquals(scannedTrades(recording, null), sorted(replay(CoinbaseFeed.replay(recording))));
  }

  @Test
  void aRecordedErrorThatLeftNothingSubscribedFailsNamingTheFile(@TempDir Path recording) throws Exception {
    String file = "coinbase-20260101T000000.000Z-subtask0-000001.jsonl";
    Files.write(recording.resolve(file), List.of(RecordedLine.connected(1).encode(), RecordedLine.message(2,
        "{\"type\":\"error\",\"message\":\"Failed to subscribe\",\"reason\":\"XYZ-USD is not a valid product\"}")
        .encode()), StandardCharsets.UTF_8);
    Exception failure = assertThrows(Exception.class, () -> replay(CoinbaseFeed.replay(recording)));
    assertTrue(ExceptionUtils.findThrowableWithMessage(failure, file).isPresent(),
        () -> ExceptionUtils.stringifyException(failure));
    assertTrue(ExceptionUtils.findThrowableWithMessage(failure, "XYZ-USD is not a valid product").isPresent(),
        () -> ExceptionUtils.stringifyException(failure));
  }

  private static List<String> replay(Source<Ticker, ?, ?> source) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), "replay")
        .map(t -> t.getProductId() + ":" + t.getTradeId())
        .executeAndCollect(1_000);
  }

  /** Each file is one session, parsed afresh: its distinct trades, of {@code product} or all. */
  private static List<String> scannedTrades(Path recording, String product) throws Exception {
    List<String> trades = new ArrayList<>();
    for (Map.Entry<String, List<String>> file : CoinbaseFixtures.recordings(recording).entrySet()) {
      trades.addAll(CoinbaseFixtures.distinctTrades(file.getValue()));
    }
    return sorted(trades.stream().filter(t -> product == null || t.startsWith(product + ":"))
        .collect(Collectors.toList()));
  }

  private static List<String> sorted(List<String> trades) {
    return trades.stream().sorted().collect(Collectors.toList());
  }
}
