package io.featuresdk.runtime.store.local;

import static io.featuresdk.runtime.store.local.OfflineStoreFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.store.FeatureRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store CLI on an offline group written by the offline sink. */
class LocalStoreCliTest {
  @TempDir Path root;
  private OfflineStoreFixture store;

  /** What one CLI invocation printed and returned. */
  private record Outcome(int status, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    store = new OfflineStoreFixture(root);
    store.run(List.of(row("a", 6_000, 1), row("b", 6_000, 3)), List.of(row("a", 12_000, 2)));
    store.run(List.of(row("a", 6_000, 10)));
  }

  private Outcome cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = LocalStoreCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpPrintsUsageAndSucceeds() {
    for (String help : List.of("--help", "-h")) {
      Outcome outcome = cli(help);
      assertEquals(0, outcome.status(), help);
      assertTrue(outcome.out().startsWith("usage: LocalStoreCli"), outcome.out());
      assertEquals("", outcome.err());
    }
  }

  @Test
  void rowsPrintTimestampsAsIsoInstantsOneRowPerKeyAndWindowEnd() {
    Outcome outcome = cli(root.toString(), "--group", "clicks_6s");

    assertEquals(0, outcome.status(), outcome.err());
    assertEquals(List.of(
            "{\"user\": \"a\", \"window_end\": \"1970-01-01T00:00:06Z\", \"count\": 10, \"sum\": 15.0, \"min\": -10.0, \"max\": 10.25}",
            "{\"user\": \"a\", \"window_end\": \"1970-01-01T00:00:12Z\", \"count\": 2, \"sum\": 3.0, \"min\": -2.0, \"max\": 2.25}",
            "{\"user\": \"b\", \"window_end\": \"1970-01-01T00:00:06Z\", \"count\": 3, \"sum\": 4.5, \"min\": -3.0, \"max\": 3.25}"),
        outcome.lines());
  }

  @Test
  void keyAndLimitSelectRows() {
    Outcome ofA = cli(root.toString(), "--group", "clicks_6s", "--key", "a", "--limit", "1");
    Outcome ofNobody = cli(root.toString(), "--group", "clicks_6s", "--key", "nobody");

    assertEquals(1, ofA.lines().size(), ofA.out());
    assertTrue(ofA.out().startsWith("{\"user\": \"a\", \"window_end\": \"1970-01-01T00:00:06Z\", \"count\": 10"), ofA.out());
    assertEquals(0, ofNobody.status());
    assertEquals("", ofNobody.out());
  }

  @Test
  void anUnknownGroupListsTheKnownOnes() {
    Outcome outcome = cli(root.toString(), "--group", "clicks_60s");

    assertEquals(1, outcome.status());
    assertTrue(outcome.err().contains("no feature group named clicks_60s; known groups: clicks_6s v1"),
        outcome.err());
  }

  @Test
  void theGroupListCountsResolvedRowsAndPointsAtFilesInProgress() throws Exception {
    assertEquals(List.of("clicks_6s", "1", "false", "3", "-"),
        List.of(cli(root.toString()).lines().get(1).trim().split("\\s+")));

    // a run that crashed after writing, before its checkpoint
    CommittingSinkWriter<FeatureRecord, String> crashed = store.sink().createWriter(0);
    OfflineStoreFixture.write(crashed, List.of(row("c", 6_000, 1)));

    List<String> lines = cli(root.toString()).lines();
    assertEquals(3, lines.size(), lines.toString());
    assertTrue(lines.get(2).startsWith("1 offline file(s) in progress"), lines.get(2));
  }

  @Test
  void inProgressReportsThenDeletesACrashedRunsFilesAndCompactionWaitsForThat() throws Exception {
    CommittingSinkWriter<FeatureRecord, String> crashed = store.sink().createWriter(0);
    OfflineStoreFixture.write(crashed, List.of(row("c", 6_000, 1)));

    Outcome report = cli(root.toString(), "--in-progress");
    Outcome refused = cli(root.toString(), "--compact");
    Outcome deleted = cli(root.toString(), "--in-progress", "--delete");
    Outcome compacted = cli(root.toString(), "--compact");
    Outcome clean = cli(root.toString(), "--in-progress");

    assertEquals(0, report.status());
    assertTrue(report.lines().get(0).contains(".inprogress"), report.out());
    assertTrue(report.out().contains("--in-progress --delete"), report.out());
    assertEquals(1, refused.status());
    assertTrue(refused.err().contains("in-progress files"), refused.err());
    assertEquals("deleted 1 file(s)", deleted.lines().get(deleted.lines().size() - 1));
    assertEquals(List.of("clicks_6s v1: 3 files -> 1 file, 3 rows"), compacted.lines());
    assertEquals(List.of("no offline files in progress"), clean.lines());
    assertEquals(3, cli(root.toString(), "--group", "clicks_6s").lines().size());
  }

  @Test
  void misusedOptionsNameTheFix() {
    Outcome outcome = cli(root.toString(), "--key", "a");
    assertEquals(2, outcome.status());
    assertTrue(outcome.err().contains("need --group"), outcome.err());
    assertEquals(2, cli(root.toString(), "--delete").status());
    assertEquals(2, cli(root.resolve("missing").toString()).status());
  }
}
