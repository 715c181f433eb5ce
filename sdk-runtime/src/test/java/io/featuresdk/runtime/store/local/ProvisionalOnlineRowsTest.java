package io.featuresdk.runtime.store.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.store.FeatureRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisional rows in the online table: they carry their as-of time, never replace a newer row,
 * and the final row of their window replaces them; the freshness histogram measures from the
 * arrival time rows carry.
 */
class ProvisionalOnlineRowsTest {
  private static final long END = 1_700_000_040_000L;
  private static final List<Object> KEY = List.of("a", "/home");

  @TempDir Path root;
  private Histogram freshness;

  private SinkWriter<FeatureRecord> writer() throws Exception {
    return new SqliteOnlineSink(root, PageVisits.group(), 200)
        .open(
            new UnregisteredMetricsGroup() {
              @Override
              public <H extends Histogram> H histogram(String name, H histogram) {
                if (name.equals(SqliteOnlineSink.FRESHNESS_METRIC)) {
                  freshness = histogram;
                }
                return histogram;
              }
            },
            new TestProcessingTimeService());
  }

  private static FeatureRecord provisional(GenericRecord row, long asOfMillis) {
    return provisional(row, asOfMillis, FeatureRecord.UNKNOWN_ARRIVAL);
  }

  private static FeatureRecord provisional(GenericRecord row, long asOfMillis, long arrivalMillis) {
    FeatureRecord record = PageVisits.record(row);
    return FeatureRecord.provisional(
        record.key(), record.eventTimeMillis(), record.value(), asOfMillis, arrivalMillis);
  }

  /** Writes each record in its own flush, as rows arriving in separate flush intervals. */
  private OnlineRow writeEach(FeatureRecord... records) throws Exception {
    try (SinkWriter<FeatureRecord> writer = writer()) {
      for (FeatureRecord record : records) {
        writer.write(record, null);
        writer.flush(false);
      }
    }
    try (OnlineStoreReader reader = OnlineStoreReader.open(root)) {
      return reader.readOnlineRow(PageVisits.NAME, 1, KEY).orElseThrow();
    }
  }

  @Test
  void aProvisionalRowSaysWhatItCoversAndTheFinalRowOfItsWindowReplacesIt() throws Exception {
    GenericRecord early = PageVisits.row("a", "/home", END, 2, 1.0, false);
    GenericRecord fin = PageVisits.row("a", "/home", END, 5, 2.0, false);

    OnlineRow row = writeEach(provisional(early, END - 30_000));
    assertEquals(early, row.features());
    assertEquals(END * 1000, row.windowEndMicros());
    assertEquals((END - 30_000) * 1000, row.asOfMicros());

    row = writeEach(PageVisits.record(fin));
    assertEquals(fin, row.features());
    assertEquals((END - 1) * 1000, row.asOfMicros());
  }

  @Test
  void theCliPrintsEachOnlineRowWithItsAsOfTime() throws Exception {
    writeEach(provisional(PageVisits.row("a", "/home", END, 2, 1.0, false), END - 30_000));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    for (List<String> args : List.of(
        List.of(root.toString(), "--group", PageVisits.NAME, "--online"),
        List.of(root.toString(), "--group", PageVisits.NAME, "--online", "--key", "a;/home"))) {
      out.reset();
      int status = LocalStoreCli.run(args.toArray(String[]::new),
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
      assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
      String line = out.toString(StandardCharsets.UTF_8).strip();
      assertTrue(line.startsWith("{\"user\": \"a\""), line);
      assertTrue(line.endsWith(", \"as_of\": \"" + Instant.ofEpochMilli(END - 30_000) + "\"}"), line);
    }
  }

  @Test
  void aProvisionalRowNeverReplacesANewerOne() throws Exception {
    GenericRecord fin = PageVisits.row("a", "/home", END, 5, 2.0, false);
    GenericRecord olderWindow = PageVisits.row("a", "/home", END - 60_000, 9, 3.0, false);
    GenericRecord sameWindowEarlier = PageVisits.row("a", "/home", END, 1, 3.0, false);

    OnlineRow row =
        writeEach(
            PageVisits.record(fin),
            provisional(olderWindow, END - 60_001),
            provisional(sameWindowEarlier, END - 20_000));
    assertEquals(fin, row.features());
  }

  @Test
  void aRefreshedProvisionalRowOfTheSameWindowAndAsOfReplacesTheEarlierOne() throws Exception {
    // an out-of-order event older than the newest changes the row but not its as-of time
    GenericRecord first = PageVisits.row("a", "/home", END, 2, 1.0, false);
    GenericRecord refreshed = PageVisits.row("a", "/home", END, 3, 1.0, false);

    OnlineRow row = writeEach(provisional(first, END - 500), provisional(refreshed, END - 500));
    assertEquals(refreshed, row.features());
  }

  @Test
  void freshnessIsTheLagFromTheRowsArrivalTimeNotFromItsEventTime() throws Exception {
    // event times a day old (a replay): only the arrival time says how fresh the row is
    long asOf = END - 30_000;
    long arrival = System.currentTimeMillis() - 5_000;
    long before = System.currentTimeMillis();
    writeEach(provisional(PageVisits.row("a", "/home", END, 1, 1.0, false), asOf, arrival));
    long after = System.currentTimeMillis();

    assertEquals(1, freshness.getCount());
    long lag = freshness.getStatistics().getMax();
    assertTrue(lag >= before - arrival && lag <= after - arrival, lag + " ms");
  }

  @Test
  void aRowReplacedBeforeTheFlushPassesItsOlderArrivalTimeOn() throws Exception {
    long firstArrival = System.currentTimeMillis() - 8_000;
    long before = System.currentTimeMillis();
    try (SinkWriter<FeatureRecord> writer = writer()) {
      writer.write(provisional(PageVisits.row("a", "/home", END, 1, 1.0, false), END - 900, firstArrival), null);
      writer.write(provisional(PageVisits.row("a", "/home", END, 2, 1.0, false), END - 500, firstArrival + 3_000), null);
      writer.write(PageVisits.record(PageVisits.row("a", "/home", END, 2, 1.0, false)), null);
      writer.flush(false);
    }
    long after = System.currentTimeMillis();

    assertEquals(1, freshness.getCount(), "one row committed for the key");
    long lag = freshness.getStatistics().getMax();
    assertTrue(lag >= before - firstArrival && lag <= after - firstArrival, lag + " ms");
  }

  @Test
  void finalRowsAddNoFreshnessSample() throws Exception {
    writeEach(PageVisits.record(PageVisits.row("a", "/home", END, 1, 1.0, false)));

    assertEquals(0, freshness.getCount());
  }
}
