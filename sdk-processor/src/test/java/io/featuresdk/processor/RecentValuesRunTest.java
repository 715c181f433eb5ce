package io.featuresdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.featuresdk.processor.AggregatesOracleITCase.Check;
import io.featuresdk.processor.AggregatesOracleITCase.Tick;
import io.featuresdk.runtime.spi.EventTimeValues;
import io.featuresdk.runtime.spi.FeatureAggregation;
import io.featuresdk.runtime.spi.FeatureGroupDefinition;
import io.featuresdk.runtime.spi.FeatureRowCodec;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code @LastN}/{@code @FirstN}/{@code @TopK} parts of {@code good/RecentFeatures}
 * outside a job: {@code @TopK} is exact within its documented range and keeps its documented
 * guarantee beyond it,
 * state stays within {@code n} values however many events a slice takes, the accumulator and row
 * serializers round-trip and copy without sharing state, and the Avro codec writes the documented
 * array schema that a generic Avro reader reads back.
 */
class RecentValuesRunTest {
  private static final List<String> LISTS = List.of("lastPrices", "firstPrices", "lastSizes",
      "lastDistinctBands", "firstDistinctMod7", "lastBuyPrices", "firstSides", "topBands",
      "topBuyMod7", "topBuckets", "majoritySide", "topPrices", "firstFloatPrices");

  private static GeneratedClassLoader loader;
  private static FeatureGroupDefinition<Object, Object, Object, Object, Object> definition;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void compile() throws Exception {
    Compilation compilation =
        FeatureGroupProcessorTest.compile("good/Quote.java", "good/RecentFeatures.java");
    assertThat(compilation).succeededWithoutWarnings();
    loader = new GeneratedClassLoader(compilation);
    definition = (FeatureGroupDefinition<Object, Object, Object, Object, Object>) loader
        .loadClass("test.RecentFeatures_FeatureGroup").getMethod("instance").invoke(null);
  }

  @Test
  void aSliceKeepsAtMostNValuesWhateverItTakes() throws Exception {
    Object acc = aggregate(10_000, 1);
    assertEquals(5, ((EventTimeValues<?>) get(acc, "lastPrices_values")).size());
    assertEquals(3, ((EventTimeValues<?>) get(acc, "firstPrices_values")).size());
    assertEquals(2, ((EventTimeValues<?>) get(acc, "lastBuyPrices_values")).size());
  }

  @Test
  void theAccumulatorSerializerRoundTripsAndCopiesShareNoState() throws Exception {
    Object acc = aggregate(500, 2);
    TypeSerializer<Object> serializer = serializer(definition.accumulatorType());
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(acc, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    Object restored = serializer.deserialize(in);
    assertEquals(0, in.available(), "every written byte is read back");
    assertSameLists(row(acc), row(restored));

    Object copy = serializer.copy(acc);
    Object before = row(copy);
    for (Object input : inputs(200, 3, 1_700_000_100_000L)) {
      definition.aggregation().add(acc, input);
    }
    assertSameLists(before, row(copy));
  }

  @Test
  void theRowSerializerRoundTripsLists() throws Exception {
    Object row = row(aggregate(500, 4));
    TypeSerializer<Object> serializer = serializer(definition.rowTypeInfo());
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(row, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    Object restored = serializer.deserialize(in);
    assertEquals(0, in.available());
    assertSameLists(row, restored);
    assertSameLists(row, serializer.copy(row));
  }

  @Test
  void theCodecWritesNullableArraysThatAGenericReaderReads() throws Exception {
    FeatureRowCodec<Object> codec = definition.codec();
    Schema schema = codec.schema("recent_10s", 1);
    assertEquals("[\"null\",{\"type\":\"array\",\"items\":[\"null\",\"double\"]}]",
        schema.getField("last_prices").schema().toString());
    assertEquals("[\"null\",{\"type\":\"array\",\"items\":[\"null\",\"string\"]}]",
        schema.getField("last_distinct_bands").schema().toString());
    assertEquals("[\"null\",{\"type\":\"array\",\"items\":[\"null\",\"boolean\"]}]",
        schema.getField("first_sides").schema().toString());

    Object row = row(aggregate(500, 5));
    set(row, "lastBuyPrices", null); // a window in which nothing matched
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    codec.encode(row, encoder);
    encoder.flush();

    GenericRecord generic = new GenericDatumReader<GenericRecord>(schema)
        .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    assertEquals(0, GenericData.get().compare(codec.toGenericRecord(row, schema), generic, schema));
    assertEquals(get(row, "lastPrices"), generic.get("last_prices"));
    assertEquals(null, generic.get("last_buy_prices"));
    assertSameLists(row, codec.decode(DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null)));
  }

  @Test
  void topKIsExactWhileTheWindowHoldsAtMostThreeQuartersOfTheSketchSlots() throws Exception {
    // topPrices: lgMaxMapSize = 6, so 48 distinct prices are counted exactly
    Random random = new Random(6);
    List<Double> prices = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      prices.add(3000.0 + (int) Math.sqrt(random.nextInt(48 * 48)));
    }
    Object row = row(aggregate(prices, 7));
    assertNull(get(row, "topBuyMod7"), "no event matched where = \"buy\"");
    assertNull(get(row, "lastBuyPrices"), "no event matched where = \"buy\"");
    assertEquals(AggregatesOracleITCase.top(ticks(prices), AggregatesOracleITCase.Tick::price, 3),
        get(row, "topPrices"));
  }

  @Test
  void topKKeepsEveryValueFarMoreFrequentThanTheKthBeyondTheExactRange() throws Exception {
    // 3000 in 30% of 20,000 prices, 3001 in 20%, 3002 in 15%, the rest over 2,000 prices; the
    // documented margin is 2 * 3.5 / 2^6 = 10.9% of the values, so 3000 (15% + 15%) is certain
    Random random = new Random(8);
    List<Double> prices = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      int draw = random.nextInt(100);
      prices.add(draw < 30 ? 3000.0 : draw < 50 ? 3001.0 : draw < 65 ? 3002.0
          : 4000.0 + random.nextInt(2_000));
    }
    Check check = new AggregatesOracleITCase.TopWithin("topPrices",
        AggregatesOracleITCase.Tick::price, 3, 6);
    List<?> top = (List<?>) get(row(aggregate(prices, 9)), "topPrices");
    check.check("skewed prices", ticks(prices), top);
    assertEquals(3, top.size());
    assertTrue(top.contains(3000.0), top.toString());
  }

  private static List<Tick> ticks(List<Double> prices) {
    return prices.stream().map(p -> new Tick("ETH-USD", p, null, false, null, 1_000)).toList();
  }

  /** The prices as events at random times, added to four slices in turn, then merged. */
  private static Object aggregate(List<Double> prices, long seed) throws Exception {
    Random random = new Random(seed);
    FeatureAggregation<Object, Object, Object> aggregation = definition.aggregation();
    List<Object> slices = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      slices.add(aggregation.createAccumulator());
    }
    Class<?> quote = loader.loadClass("test.Quote");
    for (int i = 0; i < prices.size(); i++) {
      Tick tick = new Tick("ETH-USD", prices.get(i), null, false, null,
          1_700_000_000_000L + random.nextInt(10_000));
      aggregation.add(slices.get(i % 4),
          definition.projection().project(AggregatesOracleITCase.quote(quote, tick)));
    }
    Object total = aggregation.createAccumulator();
    for (Object slice : slices) {
      aggregation.merge(total, slice);
    }
    return total;
  }

  @SuppressWarnings("unchecked")
  private static TypeSerializer<Object> serializer(
      org.apache.flink.api.common.typeinfo.TypeInformation<?> type) {
    return (TypeSerializer<Object>) type.createSerializer((SerializerConfig) null);
  }

  /** {@code count} random events added to four slice accumulators in turn, then merged. */
  private static Object aggregate(int count, long seed) throws Exception {
    FeatureAggregation<Object, Object, Object> aggregation = definition.aggregation();
    List<Object> slices = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      slices.add(aggregation.createAccumulator());
    }
    List<Object> inputs = inputs(count, seed, 1_700_000_000_000L);
    for (int i = 0; i < inputs.size(); i++) {
      aggregation.add(slices.get(i % 4), inputs.get(i));
    }
    Object total = aggregation.createAccumulator();
    for (Object slice : slices) {
      aggregation.merge(total, slice);
    }
    return total;
  }

  private static List<Object> inputs(int count, long seed, long start) throws Exception {
    Random random = new Random(seed);
    List<Object> inputs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Tick tick = new Tick("ETH-USD", 3000 + random.nextInt(10_000) / 100.0,
          random.nextInt(4) == 0 ? null : random.nextInt(500) / 100.0, random.nextBoolean(), null,
          start + random.nextInt(10_000));
      inputs.add(definition.projection().project(
          AggregatesOracleITCase.quote(loader.loadClass("test.Quote"), tick)));
    }
    return inputs;
  }

  private static Object row(Object acc) {
    return definition.aggregation().toRow(acc, 0, 10_000);
  }

  private static void assertSameLists(Object expected, Object actual) throws Exception {
    assertNotNull(get(expected, "lastPrices"), "rows of events have values");
    for (String field : LISTS) {
      assertEquals(get(expected, field), get(actual, field), field);
    }
  }

  private static Object get(Object object, String field) throws ReflectiveOperationException {
    Field f = object.getClass().getDeclaredField(field);
    f.setAccessible(true);
    return f.get(object);
  }

  private static void set(Object object, String field, Object value)
      throws ReflectiveOperationException {
    Field f = object.getClass().getDeclaredField(field);
    f.setAccessible(true);
    f.set(object, value);
  }
}
