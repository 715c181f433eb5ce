package io.featuresdk.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.featuresdk.runtime.store.FeatureRecord;
import io.featuresdk.runtime.testing.ClickAggregation;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickFeaturesCodec;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * An empty row becomes a record that online stores write and offline stores skip: not complete,
 * not provisional (so Kafka writes it and Hopsworks, complete rows only, does not), with the
 * window end as event time and only the key, the window end and the count in its Avro value.
 */
class EmptyRowRecordsTest {

  @Test
  void emptyRowsAreFinalIncompleteRecordsWithNullFeaturesButTheCount() throws Exception {
    ClickFeatures last = new ClickFeatures();
    last.user = "a";
    last.windowEnd = 10_000;
    last.count = 3;
    last.sum = 7;
    ClickFeatures empty = new ClickAggregation().emptyRow(last, 12_000, 20_000);
    ClickFeaturesCodec codec = new ClickFeaturesCodec();

    List<FeatureRecord> records;
    try (var harness = ProcessFunctionTestHarnesses.forProcessFunction(FeatureRecordEncoder.empty(codec))) {
      harness.processElement(empty, 20_000 - 1);
      records = harness.extractOutputValues();
    }

    assertEquals(1, records.size());
    FeatureRecord record = records.get(0);
    assertFalse(record.complete(), "offline stores skip empty rows");
    assertFalse(record.provisional(), "an empty row is final");
    assertEquals("a", record.key());
    assertEquals(20_000, record.eventTimeMillis());
    Schema schema = codec.schema("clicks_10s", 1);
    GenericRecord value = new GenericDatumReader<GenericRecord>(schema)
        .read(null, DecoderFactory.get().binaryDecoder(record.value(), null));
    assertEquals("a", value.get("user").toString());
    assertEquals(20_000_000L, value.get("window_end"));
    assertEquals(0L, value.get("count"));
    assertNull(value.get("sum"));
    assertNull(value.get("min"));
    assertNull(value.get("max"));
  }
}
