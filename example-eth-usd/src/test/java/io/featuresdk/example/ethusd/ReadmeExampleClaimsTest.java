package io.featuresdk.example.ethusd;

import static io.featuresdk.runtime.ReadmeText.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the root README says about the example's options and defaults, read from the README and
 * compared with what the example parses and uses, so the two cannot drift apart.
 */
class ReadmeExampleClaimsTest {

  @Test
  void everyOptionTheReadmeShowsIsInTheUsage() {
    String usage = PipelineOptions.USAGE + StoreChoice.USAGE + MonitorOptions.USAGE;
    String shown = ROOT.section("## The ETH-USD example", "## Kafka and Hopsworks")
        + ROOT.section("The example takes the same choice on the command line", "Already using");
    List<String> unknown = new ArrayList<>();
    Matcher option = Pattern.compile("--[a-z][a-z-]*").matcher(shown);
    while (option.find()) {
      if (!Pattern.compile(Pattern.quote(option.group()) + "\\b(?!-)").matcher(usage).find()) {
        unknown.add(option.group());
      }
    }
    assertEquals(List.of(), unknown, "options in the README that the example's usage does not list");
  }

  @Test
  void hoursRangeAndDefault() {
    int max = Integer.parseInt(ROOT.find("\\(`--hours` from 1 to\\s+(\\d+);").group(1));
    assertEquals(PipelineOptions.MAX_HOURS, max);
    assertEquals(Duration.ofHours(max), parse("--hours", String.valueOf(max)).offlineSpan());
    assertRefused("--hours", String.valueOf(max + 1));
    assertRefused("--hours", "0");
    long hours = Long.parseLong(ROOT.find("serves `--hours` \\(default (\\d+)\\)").group(1));
    assertEquals(Duration.ofHours(hours), PipelineOptions.parse(new String[0]).offlineSpan());
  }

  @Test
  void checkpointIntervalRangeAndDefault() {
    Matcher claim = ROOT.find("The example checkpoints every (\\d+) s \\(`--checkpoint-interval S`, (\\d+) to (\\d+)\\)");
    assertEquals(Duration.ofSeconds(Long.parseLong(claim.group(1))),
        PipelineOptions.parse(new String[0]).checkpointInterval());
    int low = Integer.parseInt(claim.group(2));
    int high = Integer.parseInt(claim.group(3));
    assertEquals(Duration.ofSeconds(low), parse("--checkpoint-interval", String.valueOf(low)).checkpointInterval());
    assertEquals(Duration.ofSeconds(high), parse("--checkpoint-interval", String.valueOf(high)).checkpointInterval());
    assertRefused("--checkpoint-interval", String.valueOf(low - 1));
    assertRefused("--checkpoint-interval", String.valueOf(high + 1));
  }

  @Test
  void timeoutsIntervalsAndQueue() {
    assertEquals(ROOT.seconds("A connection silent for (\\d+) s"), CoinbaseFeed.IDLE_TIMEOUT);
    assertEquals(ROOT.seconds("if no `subscriptions` acknowledgement\\s+arrives within (\\d+) s"),
        CoinbaseFeed.SUBSCRIPTION_ACK_TIMEOUT);
    assertEquals(ROOT.seconds("a Kafka\\s+broker that does not answer within (\\d+) s"), Preflight.KAFKA_TIMEOUT);
    assertEquals(ROOT.number("Received messages wait in a bounded queue \\(([\\d ]+)\\)"),
        CoinbaseFeed.live("ETH-USD").queueCapacity());
    assertEquals(ROOT.seconds("\\*\\*Progress\\*\\*: every (\\d+) s a line"),
        Duration.ofSeconds(ProgressPrinter.INTERVAL_SECONDS));
  }

  @Test
  void liveFeedAndDefaultPorts() {
    assertEquals(CoinbaseFeed.LIVE_URI.toString(), ROOT.find("`--live`: reads `([^`]+)`").group(1));
    assertEquals(MonitorOptions.DEFAULT_WEB_UI_PORT,
        Integer.parseInt(ROOT.find("`Flink Web UI:\\s+http://127\\.0\\.0\\.1:(\\d+)/` is printed").group(1)));
    assertEquals(MonitorOptions.DEFAULT_UI_PORT,
        Integer.parseInt(ROOT.find("on 127\\.0\\.0\\.1:(\\d+) \\(`--ui-port`\\)").group(1)));
  }

  /** The real messages CoinbaseRealMessagesTest runs through the parser: the shared fixture's sessions. */
  @Test
  void realMessageCountIsThatOfTheSharedFixture() throws IOException {
    int messages = CoinbaseFixtures.sessions().values().stream().mapToInt(List::size).sum();
    assertEquals(ROOT.number("the (\\d+) real Coinbase messages and recordings"), messages);
  }

  private static PipelineOptions parse(String option, String value) {
    return PipelineOptions.parse(new String[] {option, value});
  }

  private static void assertRefused(String option, String value) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> parse(option, value), option + " " + value);
    assertTrue(e.getMessage().contains(option), e.getMessage());
  }
}
