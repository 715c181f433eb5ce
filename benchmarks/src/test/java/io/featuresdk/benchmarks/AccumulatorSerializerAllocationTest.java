package io.featuresdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.types.StringValue;
import org.junit.jupiter.api.Test;

/**
 * Allocation audit of a generated accumulator serializer (what RocksDB state costs per slice):
 * serializing allocates nothing per call, deserializing only the accumulator and its key string.
 * Measured with the JVM's per-thread allocation counter over many calls after a warm-up, so the
 * JIT has compiled the loop and escape analysis has had its chance.
 */
class AccumulatorSerializerAllocationTest {
  private static final int CALLS = 200_000;

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final TradeFeatures_AccumulatorSerializer serializer = new TradeFeatures_AccumulatorSerializer();

  @Test
  void theJvmCountsAllocatedBytes() {
    assertTrue(threads.isThreadAllocatedMemoryEnabled(), "the allocation counter is on");
    long before = threads.getCurrentThreadAllocatedBytes();
    long[] allocated = new long[1_000];
    assertTrue(threads.getCurrentThreadAllocatedBytes() - before >= 8L * allocated.length);
  }

  @Test
  void aSlotOfTheBenchmarkGroupIs54BytesOfWhichTheKeyIs6() throws Exception {
    TradeFeatures_Accumulator accumulator = accumulator();
    accumulator.key_productId = "K0001";
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(accumulator, out);
    assertEquals(54, out.length());
    out.clear();
    StringValue.writeString(accumulator.key_productId, out);
    assertEquals(6, out.length());
  }

  @Test
  void serializingAllocatesNothingPerCall() throws Exception {
    TradeFeatures_Accumulator accumulator = accumulator();
    DataOutputSerializer out = new DataOutputSerializer(256);
    for (int warmUp = 0; warmUp < 5; warmUp++) {
      serializeMany(accumulator, out);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    serializeMany(accumulator, out);
    double perCall = (threads.getCurrentThreadAllocatedBytes() - before) / (double) CALLS;
    assertTrue(perCall < 1, "serialize allocated " + perCall + " bytes per call");
  }

  @Test
  void deserializingAllocatesOnlyTheAccumulatorAndItsKey() throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(accumulator(), out);
    byte[] bytes = out.getCopyOfBuffer();
    DataInputDeserializer in = new DataInputDeserializer();
    for (int warmUp = 0; warmUp < 5; warmUp++) {
      deserializeMany(bytes, in);
    }
    // one accumulator, one String and its byte array, with object headers and alignment
    long budget = 64 + 24 + 32;
    long before = threads.getCurrentThreadAllocatedBytes();
    long sum = deserializeMany(bytes, in);
    double perCall = (threads.getCurrentThreadAllocatedBytes() - before) / (double) CALLS;
    assertEquals(7L * CALLS, sum);
    assertTrue(perCall <= budget, "deserialize allocated " + perCall + " bytes per call, budget " + budget);
  }

  private static TradeFeatures_Accumulator accumulator() {
    TradeFeatures_Accumulator accumulator = new TradeFeatures_Accumulator();
    accumulator.eventCount = 7;
    accumulator.key_productId = "ETH-USD";
    accumulator.priceAvg_sum = 3_000.5;
    accumulator.priceAvg_count = 7;
    accumulator.priceMin_min = 2_999.0;
    accumulator.priceMax_max = 3_002.0;
    accumulator.volume_sum = 1.25;
    return accumulator;
  }

  private void serializeMany(TradeFeatures_Accumulator accumulator, DataOutputSerializer out) throws Exception {
    for (int i = 0; i < CALLS; i++) {
      out.clear();
      serializer.serialize(accumulator, out);
    }
  }

  private long deserializeMany(byte[] bytes, DataInputDeserializer in) throws Exception {
    long sum = 0;
    for (int i = 0; i < CALLS; i++) {
      in.setBuffer(bytes);
      sum += serializer.deserialize(in).eventCount;
    }
    return sum;
  }
}
