package io.featuresdk.runtime.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class FeatureRecordSerializerTest {
  private final FeatureRecordSerializer serializer = FeatureRecordSerializer.INSTANCE;

  private static FeatureRecord record(String key, long time, String value) {
    return new FeatureRecord(key, time, value.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void roundTripsKeyEventTimeAndValue() throws Exception {
    FeatureRecord original = record("ETH-USD;42", 1_700_000_000_000L, "\u0002\u0004avro");

    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(original, out);
    FeatureRecord copy = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

    assertEquals(original.key(), copy.key());
    assertEquals(original.eventTimeMillis(), copy.eventTimeMillis());
    assertArrayEquals(original.value(), copy.value());
  }

  @Test
  void roundTripsTheCompletenessFlag() throws Exception {
    for (boolean complete : new boolean[] {true, false}) {
      FeatureRecord original = new FeatureRecord("k", 7, new byte[] {1, 2}, complete);

      DataOutputSerializer out = new DataOutputSerializer(64);
      serializer.serialize(original, out);
      FeatureRecord copy = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

      assertEquals(original, copy);
      assertEquals(complete, copy.complete());
    }
  }

  @Test
  void roundTripsProvisionalRowsWithTheirAsOfAndArrivalTimes() throws Exception {
    FeatureRecord original = FeatureRecord.provisional("k", 60_000, new byte[] {3}, 41_234, 1_700_000_000_123L);

    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(original, out);
    FeatureRecord copy = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

    assertEquals(original, copy);
    assertTrue(copy.provisional());
    assertEquals(41_234, copy.asOfMillis());
    assertEquals(1_700_000_000_123L, copy.arrivalMillis());
    assertEquals(false, copy.complete(), "offline stores skip provisional rows");
    assertEquals(59_999, new FeatureRecord("k", 60_000, new byte[0]).asOfMillis(), "final: end - 1");
    assertEquals(FeatureRecord.UNKNOWN_ARRIVAL, new FeatureRecord("k", 60_000, new byte[0]).arrivalMillis());
  }

  @Test
  void snapshotsOfTheFormatsWithoutAsOfOrArrivalTimesAreIncompatible() throws Exception {
    for (int version : new int[] {3, 4}) {
      FeatureRecordSerializer.FeatureRecordSerializerSnapshot old =
          new FeatureRecordSerializer.FeatureRecordSerializerSnapshot();
      old.readSnapshot(version, new DataInputDeserializer(new byte[0]), getClass().getClassLoader());

      assertTrue(
          serializer.snapshotConfiguration().resolveSchemaCompatibility(old).isIncompatible(),
          "version " + version);
    }
  }

  @Test
  void roundTripsEmptyValueAndKeysLongerThan64KiB() throws Exception {
    String longKey = "k".repeat(70_000);
    FeatureRecord original = new FeatureRecord(longKey, -5, new byte[0]);

    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(original, out);
    FeatureRecord copy = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

    assertEquals(original, copy);
  }

  @Test
  void copiesSerializedFormWithoutChangingIt() throws Exception {
    DataOutputSerializer first = new DataOutputSerializer(64);
    serializer.serialize(record("a", 1, "x"), first);
    serializer.serialize(record("b;c", 2, "yz"), first);
    serializer.serialize(new FeatureRecord("d", 3, new byte[] {9}, false), first);
    serializer.serialize(FeatureRecord.provisional("e", 4_000, new byte[] {8}, 3_500, 77), first);

    DataInputDeserializer in = new DataInputDeserializer(first.getCopyOfBuffer());
    DataOutputSerializer second = new DataOutputSerializer(64);
    for (int i = 0; i < 4; i++) {
      serializer.copy(in, second);
    }

    assertArrayEquals(first.getCopyOfBuffer(), second.getCopyOfBuffer());
  }

  @Test
  void snapshotRestoresAnEqualSerializerThatIsCompatibleAsIs() throws Exception {
    TypeSerializerSnapshot<FeatureRecord> snapshot = serializer.snapshotConfiguration();
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);

    TypeSerializerSnapshot<FeatureRecord> restored =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

    assertInstanceOf(FeatureRecordSerializer.FeatureRecordSerializerSnapshot.class, restored);
    assertEquals(serializer, restored.restoreSerializer());
    TypeSerializerSchemaCompatibility<FeatureRecord> compatibility =
        serializer.snapshotConfiguration().resolveSchemaCompatibility(restored);
    assertTrue(compatibility.isCompatibleAsIs());
  }

  @Test
  void typeExtractionUsesTheHandWrittenSerializerNotKryo() {
    TypeInformation<FeatureRecord> type = TypeInformation.of(FeatureRecord.class);
    TypeSerializer<FeatureRecord> created = type.createSerializer(new SerializerConfigImpl());

    assertSame(FeatureRecordTypeInfo.INSTANCE, type);
    assertSame(FeatureRecordSerializer.INSTANCE, created);
  }
}
