package io.featuresdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.recovery.BoundedRestarts;
import io.featuresdk.runtime.source.websocket.SequenceGapTracker;
import io.featuresdk.runtime.source.websocket.SequenceGapTracker.Outcome;
import io.featuresdk.runtime.store.local.LocalFeatureStore;
import io.featuresdk.runtime.window.SlicedWindowEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.util.TimeUtils;
import org.junit.jupiter.api.Test;

/**
 * Defaults the root README states as numbers are read from the README and compared with what the
 * runtime does, so a changed default fails here until the README says the new one.
 */
class ReadmeDefaultsTest {
  private static final Path README = Path.of("..", "README.md");

  @Test
  void provisionalRefreshPropertyAndDefault() throws IOException {
    Matcher claim = find("multiples of\\s+`([\\w.]+)`, default (\\d+) ms; `0` turns provisional rows off");
    assertEquals(SlicedWindowEngine.PROVISIONAL_REFRESH_PROPERTY, claim.group(1));
    assertEquals(SlicedWindowEngine.DEFAULT_PROVISIONAL_REFRESH_MILLIS, Long.parseLong(claim.group(2)));
  }

  @Test
  void localOnlineFlushDefault() throws IOException {
    Matcher claim = find("Rows are written\\s+within (\\d+) ms of leaving the window operator \\(`withOnlineFlushInterval`\\)");
    assertEquals(Duration.ofMillis(Long.parseLong(claim.group(1))), LocalFeatureStore.DEFAULT_ONLINE_FLUSH_INTERVAL);
  }

  /** Checked on the configuration Flink's scheduler reads, not on the class's own getters. */
  @Test
  void boundedRestartDefaults() throws IOException {
    Matcher claim = find("\\(`BoundedRestarts.defaults\\(\\)`\\): (\\d+) s, doubling to (\\d+) s, at most\\s+(\\d+)"
        + " restarts in a row, counted afresh after (\\d+) minutes without a failure");
    Map<String, String> flink = BoundedRestarts.defaults().toConfiguration().toMap();
    String prefix = "restart-strategy.exponential-delay.";
    assertEquals("exponential-delay", flink.get("restart-strategy.type"));
    assertEquals(Duration.ofSeconds(Long.parseLong(claim.group(1))), duration(flink.get(prefix + "initial-backoff")));
    assertEquals("2.0", flink.get(prefix + "backoff-multiplier"), "doubling");
    assertEquals(Duration.ofSeconds(Long.parseLong(claim.group(2))), duration(flink.get(prefix + "max-backoff")));
    assertEquals(claim.group(3), flink.get(prefix + "attempts-before-reset-backoff"));
    assertEquals(Duration.ofMinutes(Long.parseLong(claim.group(4))), duration(flink.get(prefix + "reset-backoff-threshold")));
  }

  /** The example's parser uses the tracker's default horizon. */
  @Test
  void tradeIdsTheStatedDistanceBelowTheHighestCountAsDelivered() throws IOException {
    int horizon = Integer.parseInt(
        find("Trade ids (\\d+) or more\\s+below a product's highest are treated as delivered").group(1));
    SequenceGapTracker tracker = new SequenceGapTracker();
    long highest = 100_000;
    tracker.track("ETH-USD", highest - horizon - 10);
    tracker.track("ETH-USD", highest);
    assertEquals(Outcome.OUT_OF_ORDER, tracker.track("ETH-USD", highest - horizon + 1), "within the horizon: kept");
    assertEquals(Outcome.DUPLICATE, tracker.track("ETH-USD", highest - horizon), "at the horizon: delivered");
  }

  private static Duration duration(String flinkText) {
    return TimeUtils.parseDuration(flinkText);
  }

  private static Matcher find(String regex) throws IOException {
    Matcher matcher = Pattern.compile(regex).matcher(Files.readString(README));
    assertTrue(matcher.find(), "README states /" + regex + "/");
    return matcher;
  }
}
