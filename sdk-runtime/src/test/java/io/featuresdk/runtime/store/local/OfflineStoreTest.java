package io.featuresdk.runtime.store.local;

import static io.featuresdk.runtime.store.local.OfflineStoreFixture.CODEC;
import static io.featuresdk.runtime.store.local.OfflineStoreFixture.GROUP;
import static io.featuresdk.runtime.store.local.OfflineStoreFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.store.FeatureRecord;
import io.featuresdk.runtime.testing.ClickFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline side's upsert semantics, commits, crash leftovers and compaction, without a job. */
class OfflineStoreTest {
  @TempDir Path root;
  private OfflineStoreFixture store;

  @BeforeEach
  void setUp() throws Exception {
    store = new OfflineStoreFixture(root);
  }

  private List<String> read() {
    return OfflineStoreReader.open(root).read(GROUP, 1, CODEC).stream()
        .map(r -> r.user + "@" + r.windowEnd + "=" + r.count)
        .toList();
  }

  @Test
  void aRowWrittenAgainIsReadOnceWithTheValuesOfTheLatestWrite() throws Exception {
    store.run(List.of(row("a", 6_000, 1), row("b", 6_000, 3)), List.of(row("a", 12_000, 2)));
    store.run(List.of(row("a", 12_000, 20), row("a", 18_000, 5)));
    store.run(List.of(row("b", 6_000, 30)), List.of(row("b", 6_000, 31)));

    assertEquals(List.of("a@6000=1", "a@12000=20", "a@18000=5", "b@6000=31"), read());
    assertEquals(4, OfflineStoreReader.open(root).count(GROUP, 1));
  }

  @Test
  void theGenericReaderAgreesWithTheCodecReaderAndLooksUpOneKey() throws Exception {
    store.run(List.of(row("a", 6_000, 1), row("b", 6_000, 3)));
    store.run(List.of(row("a", 6_000, 7)));

    List<GenericRecord> rowsOfA = OfflineStoreReader.open(root).read(GROUP, 1, "a");

    assertEquals(1, rowsOfA.size());
    assertEquals(7L, rowsOfA.get(0).get("count"));
    assertEquals(Instant.ofEpochSecond(6), FeatureRows.instant(rowsOfA.get(0), "window_end"));
    assertEquals(2, OfflineStoreReader.open(root).read(GROUP, 1).size());
    assertTrue(OfflineStoreReader.open(root).read(GROUP, 1, "c").isEmpty());
  }

  @Test
  void randomOverlappingRunsResolveToTheLastWriteOfEachKeyAndWindow() throws Exception {
    Random random = new Random(11);
    Map<String, Long> oracle = new TreeMap<>();
    for (int run = 0; run < 5; run++) {
      List<List<ClickFeatures>> checkpoints = new ArrayList<>();
      for (int checkpoint = 0; checkpoint < 3; checkpoint++) {
        List<ClickFeatures> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          ClickFeatures row = row("u" + random.nextInt(4), 6_000L * random.nextInt(10), random.nextInt(1000));
          rows.add(row);
          oracle.put(row.user + "@" + String.format("%06d", row.windowEnd), row.count);
        }
        checkpoints.add(rows);
      }
      store.run(checkpoints);
    }
    Map<String, Long> read = new TreeMap<>();
    for (ClickFeatures row : OfflineStoreReader.open(root).read(GROUP, 1, CODEC)) {
      read.put(row.user + "@" + String.format("%06d", row.windowEnd), row.count);
    }
    assertEquals(oracle, read);
  }

  @Test
  void rowsStayInvisibleUntilTheirCheckpointIsCommitted() throws Exception {
    OfflineAvroSink sink = store.sink();
    try (CommittingSinkWriter<FeatureRecord, String> writer = sink.createWriter(0);
        Committer<String> committer = sink.createCommitter(null)) {
      OfflineStoreFixture.write(writer, List.of(row("a", 6_000, 1)));
      writer.flush(false);
      Collection<String> committables = writer.prepareCommit();
      assertEquals(List.of(), read(), "closed for the checkpoint, not yet committed");

      committer.commit(OfflineStoreFixture.requests(committables));
      assertEquals(List.of("a@6000=1"), read());
    }
  }

  @Test
  void committingAgainAfterARestoreIsHarmless() throws Exception {
    OfflineAvroSink sink = store.sink();
    try (CommittingSinkWriter<FeatureRecord, String> writer = sink.createWriter(0);
        Committer<String> committer = sink.createCommitter(null)) {
      OfflineStoreFixture.write(writer, List.of(row("a", 6_000, 1)));
      writer.flush(false);
      String committable = writer.prepareCommit().iterator().next();
      committer.commit(OfflineStoreFixture.requests(List.of(committable)));

      OfflineStoreFixture.Request retried = new OfflineStoreFixture.Request(committable);
      committer.commit(List.of(retried));

      assertEquals("already committed", retried.outcome);
      assertEquals(List.of("a@6000=1"), read());
    }
  }

  @Test
  void aCommittableWhoseFileWasDeletedIsReportedNotRetriedForever() throws Exception {
    OfflineAvroSink sink = store.sink();
    try (CommittingSinkWriter<FeatureRecord, String> writer = sink.createWriter(0);
        Committer<String> committer = sink.createCommitter(null)) {
      OfflineStoreFixture.write(writer, List.of(row("a", 6_000, 1)));
      writer.flush(false);
      OfflineStoreFixture.Request request =
          new OfflineStoreFixture.Request(writer.prepareCommit().iterator().next());
      new OfflineMaintenance(root).deleteHiddenFiles();

      committer.commit(List.of(request));

      assertTrue(request.outcome.startsWith("failed: ") && request.outcome.contains("rerun"),
          request.outcome);
    }
  }

  @Test
  void aCrashedRunLeavesOnlyHiddenFilesWhichAreReportedAndCanBeDeleted() throws Exception {
    store.run(List.of(row("a", 6_000, 1)));
    OfflineAvroSink sink = store.sink();
    // A run that dies after writing, before its checkpoint: the writer is never flushed or closed.
    CommittingSinkWriter<FeatureRecord, String> crashed = sink.createWriter(1);
    OfflineStoreFixture.write(crashed, List.of(row("a", 6_000, 99), row("b", 6_000, 2)));

    OfflineMaintenance maintenance = new OfflineMaintenance(root);
    assertEquals(List.of("a@6000=1"), read(), "nothing of the crashed run is visible");
    assertEquals(1, maintenance.hiddenFiles().size());
    assertTrue(maintenance.hiddenFiles().get(0).path().startsWith(store.groupDir()));
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> maintenance.compact(GROUP, 1));
    assertTrue(refused.getMessage().contains("--in-progress --delete"), refused.getMessage());

    assertEquals(1, maintenance.deleteHiddenFiles());
    assertEquals(List.of(), maintenance.hiddenFiles());
    assertEquals(List.of("a@6000=1"), read());
  }

  @Test
  void compactionLeavesOneFileAndTheSameAnswerEvenIfItStopsBeforeDeletingItsInputs()
      throws Exception {
    store.run(List.of(row("a", 6_000, 1), row("b", 6_000, 3)), List.of(row("a", 12_000, 2)));
    store.run(List.of(row("a", 6_000, 10)));
    List<String> before = read();
    Path aside = Files.createDirectories(root.resolve("aside"));
    List<Path> inputs = OfflineFiles.committed(store.groupDir());
    for (Path input : inputs) {
      Files.copy(input, aside.resolve(input.getFileName()));
    }

    OfflineMaintenance.Compaction compaction = new OfflineMaintenance(root).compact(GROUP, 1);

    assertEquals(new OfflineMaintenance.Compaction(GROUP + " v1", 3, 3), compaction);
    assertEquals(1, OfflineFiles.committed(store.groupDir()).size());
    assertEquals(before, read());
    // A compaction that stopped after its rename: inputs and output side by side.
    for (Path input : inputs) {
      Files.copy(aside.resolve(input.getFileName()), input);
    }
    assertEquals(before, read());
    // Later writes still win over the compacted file.
    store.run(List.of(row("b", 6_000, 40)));
    assertEquals(List.of("a@6000=10", "a@12000=2", "b@6000=40"), read());
  }

  @Test
  void fileNamesSortInWriteOrderAndCompactedOutputsRightAfterTheirNewestInput() {
    String first = OfflineFiles.committedName(999, "ffffffff", 9, 9);
    String second = OfflineFiles.committedName(1_000, "00000000", 0, 0);
    String compacted = OfflineFiles.compactedName(first);

    assertEquals(List.of(first, compacted, second), new TreeSet<>(List.of(second, compacted, first)).stream().toList());
    assertTrue(OfflineFiles.compactedName(compacted).compareTo(compacted) > 0);
  }
}
