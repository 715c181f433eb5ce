package io.featuresdk.runtime;

import static io.featuresdk.runtime.ReadmeText.ROOT;
import static io.featuresdk.runtime.ReadmeText.RUNTIME;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.featuresdk.runtime.recovery.BoundedRestarts;
import io.featuresdk.runtime.source.websocket.SequenceGapTracker;
import io.featuresdk.runtime.source.websocket.SequenceGapTracker.Outcome;
import io.featuresdk.runtime.source.websocket.WebSocketSource;
import io.featuresdk.runtime.store.local.LocalFeatureStore;
import io.featuresdk.runtime.window.SlicedWindowEngine;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import org.apache.flink.util.TimeUtils;
import org.junit.jupiter.api.Test;

/**
 * Defaults the root and sdk-runtime READMEs state as numbers are read from the READMEs and
 * compared with what the runtime does, so a changed default fails here until the READMEs say it.
 */
class ReadmeDefaultsTest {

  @Test
  void provisionalRefreshPropertyAndDefault() {
    for (Matcher claim : new Matcher[] {
        ROOT.find("multiples of\\s+`([\\w.]+)`, default (\\d+) ms; `0` turns provisional rows off"),
        RUNTIME.find("at most every\\s+`([\\w.]+)` \\(default (\\d+) ms, `0` = off\\)")}) {
      assertEquals(SlicedWindowEngine.PROVISIONAL_REFRESH_PROPERTY, claim.group(1));
      assertEquals(SlicedWindowEngine.DEFAULT_PROVISIONAL_REFRESH_MILLIS, Long.parseLong(claim.group(2)));
    }
  }

  @Test
  void localOnlineFlushDefault() {
    for (long millis : new long[] {
        ROOT.number("Rows are written\\s+within (\\d+) ms of leaving the window operator \\(`withOnlineFlushInterval`\\)"),
        RUNTIME.number("upserted in one transaction at most (\\d+) ms after the first of them reached the sink")}) {
      assertEquals(Duration.ofMillis(millis), LocalFeatureStore.DEFAULT_ONLINE_FLUSH_INTERVAL);
    }
  }

  /** Checked on the configuration Flink's scheduler reads, not on the class's own getters. */
  @Test
  void boundedRestartDefaults() {
    Map<String, String> flink = BoundedRestarts.defaults().toConfiguration().toMap();
    String prefix = "restart-strategy.exponential-delay.";
    assertEquals("exponential-delay", flink.get("restart-strategy.type"));
    assertEquals("2.0", flink.get(prefix + "backoff-multiplier"), "doubling");
    for (Matcher claim : new Matcher[] {
        ROOT.find("\\(`BoundedRestarts.defaults\\(\\)`\\): (\\d+) s, doubling to (\\d+) s, at most\\s+(\\d+)"
            + " restarts in a row, counted afresh after (\\d+) minutes without a failure"),
        RUNTIME.find("\\(default (\\d+) s doubling to\\s+(\\d+) s, at most (\\d+) restarts in a row,"
            + " counted afresh after (\\d+) min without failure\\)")}) {
      assertEquals(Duration.ofSeconds(Long.parseLong(claim.group(1))), duration(flink.get(prefix + "initial-backoff")));
      assertEquals(Duration.ofSeconds(Long.parseLong(claim.group(2))), duration(flink.get(prefix + "max-backoff")));
      assertEquals(claim.group(3), flink.get(prefix + "attempts-before-reset-backoff"));
      assertEquals(Duration.ofMinutes(Long.parseLong(claim.group(4))), duration(flink.get(prefix + "reset-backoff-threshold")));
    }
  }

  /** The example's parser uses the tracker's default horizon. */
  @Test
  void tradeIdsTheStatedDistanceBelowTheHighestCountAsDelivered() {
    long horizon = ROOT.number("Trade ids (\\d+) or more\\s+below a product's highest are treated as delivered");
    assertEquals(horizon, RUNTIME.number("ids `horizon` \\(default (\\d+)\\) or more below the highest count as delivered"));
    SequenceGapTracker tracker = new SequenceGapTracker();
    long highest = 100_000;
    tracker.track("ETH-USD", highest - horizon - 10);
    tracker.track("ETH-USD", highest);
    assertEquals(Outcome.OUT_OF_ORDER, tracker.track("ETH-USD", highest - horizon + 1), "within the horizon: kept");
    assertEquals(Outcome.DUPLICATE, tracker.track("ETH-USD", highest - horizon), "at the horizon: delivered");
  }

  @Test
  void webSocketQueueCapacityDefault() {
    WebSocketSource<String> source = WebSocketSource.<String>builder()
        .uri(URI.create("ws://127.0.0.1:9/"))
        .parser((message, out) -> out.collect(message))
        .producedType(String.class)
        .build();
    assertEquals(RUNTIME.number("bounded hand-off queue \\(`queueCapacity`, default ([\\d ]+)\\)"), source.queueCapacity());
  }

  private static Duration duration(String flinkText) {
    return TimeUtils.parseDuration(flinkText);
  }
}
