package io.featuresdk.runtime.store.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.testing.ClickFeaturesCodec;
import java.time.Instant;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** Typed timestamps and the CLI's JSON lines for rows read back as GenericRecords. */
class FeatureRowsTest {
  private static GenericRecord row(String user, Long windowEndMicros, double sum) {
    GenericRecord row = new GenericData.Record(new ClickFeaturesCodec().schema("clicks_6s", 1));
    row.put("user", user);
    row.put("window_end", windowEndMicros);
    row.put("count", 2L);
    row.put("sum", sum);
    row.put("min", -0.5);
    row.put("max", 1e21);
    return row;
  }

  @Test
  void timestampMicrosBecomeInstantsToTheMicrosecond() {
    assertEquals(Instant.parse("2026-11-30T13:05:00.000001Z"),
        FeatureRows.instant(row("a", 1_796_043_900_000_001L, 1), "window_end"));
    assertNull(FeatureRows.instant(row("a", null, 1), "window_end"));
  }

  @Test
  void fieldsThatAreNotTimestampsAreRefusedByName() {
    IllegalArgumentException notTimestamp =
        assertThrows(IllegalArgumentException.class, () -> FeatureRows.instant(row("a", 1L, 1), "count"));
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> FeatureRows.instant(row("a", 1L, 1), "end"));

    assertTrue(notTimestamp.getMessage().contains("'count'"), notTimestamp.getMessage());
    assertTrue(missing.getMessage().contains("fields: [user, window_end"), missing.getMessage());
  }

  @Test
  void jsonLinesQuoteStringsAndNonFiniteNumbersAndPrintTimestampsAsIso() {
    assertEquals(
        "{\"user\": \"a \\\"b\\\"\\n\", \"window_end\": \"1970-01-01T00:00:06Z\", \"count\": 2, "
            + "\"sum\": \"NaN\", \"min\": -0.5, \"max\": 1.0E21}",
        RowJson.format(row("a \"b\"\n", 6_000_000L, Double.NaN)));
  }
}
