package io.featuresdk.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.testing.compile.Compilation;
import io.featuresdk.runtime.spi.FeatureAggregation;
import io.featuresdk.runtime.spi.FeatureGroupDefinition;
import io.featuresdk.runtime.spi.FeatureRowCodec;
import io.featuresdk.runtime.spi.WindowSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.DoubleStream;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
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
 * Compiles the good feature classes, loads what the processor generated, and runs it: aggregation,
 * Avro codec and Flink serializers, checked against values computed here independently.
 */
class GeneratedCodeRunTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:10Z");
  private static final long WINDOW_START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
  private static final long WINDOW_END = Instant.parse("2026-01-01T00:05:00Z").toEpochMilli();

  private static GeneratedClassLoader priceLoader;
  private static GeneratedClassLoader tradeLoader;

  /** A ticker as the test sees it, turned into the compiled {@code test.Ticker} on demand. */
  private record Tick(double price, Double lastSize, Instant time) {}

  /** Arrival order; event times are out of order and the last two tie. */
  private static final List<Tick> TICKS =
      List.of(
          new Tick(100.0, 1.5, T0),
          new Tick(102.0, null, T0.plusSeconds(20)),
          new Tick(99.0, 2.0, T0.minusSeconds(5)),
          new Tick(101.0, 0.5, T0.plusSeconds(30)),
          new Tick(103.0, null, T0.plusSeconds(30)));

  @BeforeAll
  static void compileGoodClasses() {
    Compilation price =
        FeatureGroupProcessorTest.compile("good/Ticker.java", "good/PriceFeatures.java");
    assertThat(price).succeeded();
    priceLoader = new GeneratedClassLoader(price);
    Compilation trade =
        FeatureGroupProcessorTest.compile("good/Trade.java", "good/TradeFeatures.java");
    assertThat(trade).succeeded();
    tradeLoader = new GeneratedClassLoader(trade);
  }

  @Test
  void mergedSlicesGiveTheAggregatesOfAllEvents() throws Exception {
    var def = definition(priceLoader, "test.PriceFeatures_FeatureGroup");
    FeatureAggregation<Object, Object, Object> aggregation = def.aggregation();
    Object first = aggregation.createAccumulator();
    Object second = aggregation.createAccumulator();
    for (int i = 0; i < TICKS.size(); i++) {
      aggregation.add(i < 3 ? first : second, def.projection().project(ticker(TICKS.get(i))));
    }
    aggregation.merge(first, second);

    Object row = aggregation.toRow(first, WINDOW_START, WINDOW_END);

    assertEquals("ETH-USD", get(row, "ticker"));
    assertEquals(Instant.ofEpochMilli(WINDOW_END), get(row, "timestamp"));
    assertEquals(WINDOW_START, get(row, "windowStart"));
    assertEquals(TICKS.stream().mapToDouble(Tick::price).average().orElseThrow(),
        (double) get(row, "priceAvg"), 1e-12);
    assertEquals(TICKS.stream().mapToDouble(Tick::price).min().orElseThrow(), get(row, "priceMin"));
    assertEquals(TICKS.stream().mapToDouble(Tick::price).max().orElseThrow(), get(row, "priceMax"));
    assertEquals(99.0, get(row, "open"), "earliest event time wins, not earliest arrival");
    assertEquals(103.0, get(row, "close"), "of equal times, the later arrival wins");
    assertEquals((long) TICKS.size(), get(row, "trades"));
    assertEquals(sizes().sum(), (double) get(row, "volume"), 1e-12);
    assertEquals(sizes().average().orElseThrow(), (double) get(row, "sizeAvg"), 1e-12);
  }

  @Test
  void mergingSlicesEqualsAddingEverythingToOneAccumulator() throws Exception {
    var def = definition(priceLoader, "test.PriceFeatures_FeatureGroup");
    FeatureAggregation<Object, Object, Object> aggregation = def.aggregation();
    Object all = aggregation.createAccumulator();
    Object empty = aggregation.createAccumulator();
    Object merged = aggregation.createAccumulator();
    for (Tick tick : TICKS) {
      aggregation.add(all, def.projection().project(ticker(tick)));
    }
    aggregation.merge(merged, empty);
    aggregation.merge(merged, all);
    aggregation.merge(merged, aggregation.createAccumulator());

    Object expected = aggregation.toRow(all, WINDOW_START, WINDOW_END);
    Object actual = aggregation.toRow(merged, WINDOW_START, WINDOW_END);

    for (String field : List.of("ticker", "priceAvg", "priceMin", "priceMax", "open", "close",
        "trades", "volume", "sizeAvg")) {
      assertEquals(get(expected, field), get(actual, field), field);
    }
  }

  @Test
  void windowWithOnlyNullValuesGivesNullSumAndAverage() throws Exception {
    var def = definition(priceLoader, "test.PriceFeatures_FeatureGroup");
    FeatureAggregation<Object, Object, Object> aggregation = def.aggregation();
    Object acc = aggregation.createAccumulator();
    assertThat(aggregation.isEmpty(acc)).isTrue();
    aggregation.add(acc, def.projection().project(ticker(new Tick(5.0, null, T0))));

    Object row = aggregation.toRow(acc, WINDOW_START, WINDOW_END);

    assertThat(aggregation.isEmpty(acc)).isFalse();
    assertNull(get(row, "volume"));
    assertNull(get(row, "sizeAvg"));
    assertEquals(5.0, get(row, "priceMin"));
    assertEquals(1L, get(row, "trades"));
  }

  @Test
  void codecRoundTripsARowAndMatchesAvrosGenericReaderAndWriter() throws Exception {
    var def = definition(priceLoader, "test.PriceFeatures_FeatureGroup");
    Object row = rowOfAllTicks(def);
    FeatureRowCodec<Object> codec = def.codec();
    Schema schema = codec.schema("eth_usd_price_5m", 1);

    byte[] encoded = encode(codec, row);
    Object decoded = codec.decode(DecoderFactory.get().binaryDecoder(encoded, null));
    GenericRecord generic = new GenericDatumReader<GenericRecord>(schema)
        .read(null, DecoderFactory.get().binaryDecoder(encoded, null));

    for (String field : List.of("ticker", "timestamp", "windowStart", "priceAvg", "priceMin",
        "priceMax", "open", "close", "trades", "volume", "sizeAvg")) {
      assertEquals(get(row, field), get(decoded, field), field);
    }
    assertEquals("ETH-USD", generic.get("ticker").toString());
    assertEquals(WINDOW_END * 1_000L, generic.get("timestamp"));
    assertEquals(WINDOW_START * 1_000L, generic.get("window_start"));
    assertEquals(get(row, "priceAvg"), generic.get("price_avg"));
    assertEquals((long) TICKS.size(), generic.get("trades"));
    assertEquals(get(row, "sizeAvg"), generic.get("avg_trade_size"));
    assertThat(encoded).isEqualTo(writeGeneric(schema, codec.toGenericRecord(row, schema)));
    assertEquals("ETH-USD", codec.primaryKey(row));
  }

  @Test
  void emptyRowKeepsKeyWindowAndZeroCountsAndEncodesEveryOtherFeatureAsNull() throws Exception {
    var def = definition(priceLoader, "test.PriceFeatures_FeatureGroup");
    Object previous = rowOfAllTicks(def);
    FeatureRowCodec<Object> codec = def.codec();
    Schema schema = codec.schema("eth_usd_price_5m", 1);
    long start = WINDOW_START + 60_000;
    long end = WINDOW_END + 60_000;

    Object empty = def.aggregation().emptyRow(previous, start, end);
    GenericRecord generic = new GenericDatumReader<GenericRecord>(schema)
        .read(null, DecoderFactory.get().binaryDecoder(encodeEmpty(codec, empty), null));

    assertEquals("ETH-USD", codec.primaryKey(empty));
    assertEquals(Instant.ofEpochMilli(end), get(empty, "timestamp"));
    assertEquals(0L, get(empty, "trades"));
    for (Schema.Field field : schema.getFields()) {
      Object value = generic.get(field.name());
      switch (field.name()) {
        case "ticker" -> assertEquals("ETH-USD", value.toString());
        case "timestamp" -> assertEquals(end * 1_000L, value);
        case "window_start" -> assertEquals(start * 1_000L, value);
        case "trades" -> assertEquals(0L, value);
        default -> assertNull(value, field.name());
      }
    }
  }

  @Test
  void emptyRowOfACompositeKeySetsEveryKeyPartAndIntCounts() throws Exception {
    var def = definition(tradeLoader, "test.TradeFeatures_FeatureGroup");
    FeatureAggregation<Object, Object, Object> aggregation = def.aggregation();
    long t = 1_700_000_000_000L;
    Object acc = aggregation.createAccumulator();
    aggregation.add(acc, def.projection().project(trade(new Object[] {"X", 7, t + 5, 10, 1000L, "buy"})));
    Object previous = aggregation.toRow(acc, t, t + 3_600_000L);

    Object empty = aggregation.emptyRow(previous, t + 60_000L, t + 3_660_000L);
    Schema schema = def.codec().schema("trades_1h", 2);
    GenericRecord generic = new GenericDatumReader<GenericRecord>(schema)
        .read(null, DecoderFactory.get().binaryDecoder(encodeEmpty(def.codec(), empty), null));

    assertEquals("X;7", def.codec().primaryKey(empty));
    assertEquals(0, get(empty, "trades"));
    assertEquals(0, generic.get("trades"));
    assertNull(generic.get("total_qty"));
    assertNull(generic.get("notional"));
  }

  @Test
  void schemaFollowsHopsworksConventions() throws Exception {
    var def = definition(priceLoader, "test.PriceFeatures_FeatureGroup");
    Schema schema = def.codec().schema("eth_usd_price_5m", 1);

    assertEquals("eth_usd_price_5m_1", schema.getFullName());
    assertNull(schema.getNamespace());
    assertEquals("ETH-USD price over sliding windows", schema.getDoc());
    assertThat(schema.getFields().stream().map(Schema.Field::name).toList())
        .containsExactly("ticker", "timestamp", "window_start", "price_avg", "price_min",
            "price_max", "open", "close", "trades", "volume", "avg_trade_size")
        .inOrder();
    for (Schema.Field field : schema.getFields()) {
      assertThat(field.hasDefaultValue()).isFalse();
      assertEquals(Schema.Type.UNION, field.schema().getType(), field.name());
      assertEquals(Schema.Type.NULL, field.schema().getTypes().get(0).getType(), field.name());
    }
    Schema timestamp = schema.getField("timestamp").schema().getTypes().get(1);
    assertEquals(Schema.Type.LONG, timestamp.getType());
    assertEquals(LogicalTypes.timestampMicros(), timestamp.getLogicalType());
    assertEquals(Schema.Type.STRING,
        schema.getField("ticker").schema().getTypes().get(1).getType());
    assertEquals(Schema.Type.DOUBLE,
        schema.getField("price_avg").schema().getTypes().get(1).getType());
  }

  @Test
  void inputAndAccumulatorSurviveTheirFlinkSerializers() throws Exception {
    var def = definition(priceLoader, "test.PriceFeatures_FeatureGroup");
    Object input = def.projection().project(ticker(TICKS.get(1)));
    Object acc = def.aggregation().createAccumulator();
    for (Tick tick : TICKS) {
      def.aggregation().add(acc, def.projection().project(ticker(tick)));
    }

    assertSameFields(input, roundTrip(def.inputType().createSerializer((SerializerConfig) null), input));
    assertSameFields(acc, roundTrip(def.accumulatorType().createSerializer((SerializerConfig) null), acc));
    assertSameFields(acc, def.accumulatorType().createSerializer((SerializerConfig) null).copy(acc));
  }

  @Test
  void infoCarriesTheAnnotationMetadata() throws Exception {
    var def = definition(priceLoader, "test.PriceFeatures_FeatureGroup");

    assertEquals("eth_usd_price_{window}", def.info().nameTemplate());
    assertEquals(List.of(
            WindowSpec.sliding(Duration.ofMinutes(5), Duration.ofMinutes(1)),
            WindowSpec.sliding(Duration.ofMinutes(10), Duration.ofMinutes(1)),
            WindowSpec.sliding(Duration.ofHours(1), Duration.ofMinutes(1))),
        def.info().windows());
    assertEquals("eth_usd_price_1h", def.info().groupName(def.info().windows().get(2)));
    assertEquals(List.of("ticker"), def.info().primaryKey());
    assertEquals("timestamp", def.info().eventTimeFeature());
    assertEquals(Duration.ofSeconds(30), def.info().maxOutOfOrderness());
    assertEquals(T0.toEpochMilli(), def.projection().eventTimeMillis(ticker(TICKS.get(0))));
    assertEquals("ETH-USD", def.keySelector().getKey(def.projection().project(ticker(TICKS.get(0)))));
  }

  @Test
  void everyServedPartIsJavaSerializable() throws Exception {
    var def = definition(priceLoader, "test.PriceFeatures_FeatureGroup");
    for (Object part : List.of(def, def.projection(), def.keySelector(), def.aggregation(),
        def.codec(), def.inputType(), def.accumulatorType(), def.keyType(), def.info())) {
      try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
        out.writeObject(part);
      }
    }
  }

  @Test
  void recordSourceWithCompositeKeyAggregatesNullableFields() throws Exception {
    var def = definition(tradeLoader, "test.TradeFeatures_FeatureGroup");
    FeatureAggregation<Object, Object, Object> aggregation = def.aggregation();
    long t = 1_700_000_000_000L;
    Object[][] trades = {
        {"X", 7, t + 5, 10, 1000L, "buy"},
        {"X", 7, t + 1, null, 2000L, "sell"},
        {"X", 7, t + 9, 4, null, "buy"},
        {"X", 7, t + 9, null, 500L, "sell"},
    };
    Object acc = aggregation.createAccumulator();
    Object firstInput = null;
    for (Object[] trade : trades) {
      Object input = def.projection().project(trade(trade));
      firstInput = firstInput == null ? input : firstInput;
      aggregation.add(acc, input);
    }

    Object row = aggregation.toRow(acc, t, t + 3_600_000L);

    assertEquals("1:X1:7", def.keySelector().getKey(firstInput));
    assertEquals(List.of("venue", "symbol"), def.info().primaryKey());
    assertEquals("X;7", def.codec().primaryKey(row));
    assertEquals(t + 3_600_000L, get(row, "windowEnd"));
    assertEquals(4, get(row, "trades"));
    assertEquals(14L, get(row, "totalQty"));
    assertEquals(3500.0, get(row, "notional"));
    assertEquals(4L, get(row, "minQty"));
    assertEquals(10, get(row, "maxQty"));
    assertEquals("sell", get(row, "firstSide"));
    assertNull(get(row, "lastQty"), "the last event (by time, then arrival) has a null qty");

    byte[] encoded = encode(def.codec(), row);
    Object decoded = def.codec().decode(DecoderFactory.get().binaryDecoder(encoded, null));
    assertSameFields(row, decoded);
    Schema schema = def.codec().schema("trades_1h", 2);
    assertThat(encoded).isEqualTo(writeGeneric(schema, def.codec().toGenericRecord(row, schema)));
    assertSameFields(acc, roundTrip(def.accumulatorType().createSerializer((SerializerConfig) null), acc));
  }

  @Test
  void compositeKeysOfDifferentTuplesNeverCollide() throws Exception {
    var def = definition(tradeLoader, "test.TradeFeatures_FeatureGroup");
    Object a = def.keySelector().getKey(def.projection().project(
        trade(new Object[] {"X1", 7, 0L, null, null, null})));
    Object b = def.keySelector().getKey(def.projection().project(
        trade(new Object[] {"X", 17, 0L, null, null, null})));
    Object nullVenue = def.keySelector().getKey(def.projection().project(
        trade(new Object[] {null, 7, 0L, null, null, null})));
    Object nullText = def.keySelector().getKey(def.projection().project(
        trade(new Object[] {"null", 7, 0L, null, null, null})));

    assertThat(a).isNotEqualTo(b);
    assertThat(nullVenue).isNotEqualTo(nullText);
  }

  // ---- helpers ----

  /** The generated definition, seen through the SPI with erased type arguments. */
  @Test
  void sourceFieldsNamedLikeTheInputsEventTimeFieldAreCopiedUnderAFreeName() throws Exception {
    Compilation compilation =
        FeatureGroupProcessorTest.compile("good/ClashingTick.java", "good/ClashingFeatures.java");
    assertThat(compilation).succeededWithoutWarnings();
    GeneratedClassLoader loader = new GeneratedClassLoader(compilation);
    var def = definition(loader, "test.ClashingFeatures_FeatureGroup");
    var tick = loader.loadClass("test.ClashingTick")
        .getConstructor(String.class, long.class, double.class, long.class);
    FeatureAggregation<Object, Object, Object> aggregation = def.aggregation();
    Object acc = aggregation.createAccumulator();
    // event times 1000 and 2000; the source's own eventTimeMillis values 7 and 5
    aggregation.add(acc, def.projection().project(tick.newInstance("k", 7L, 1.5, 2_000L)));
    aggregation.add(acc, def.projection().project(tick.newInstance("k", 5L, 2.5, 1_000L)));

    Object row = aggregation.toRow(acc, 0, 60_000);

    assertEquals(7L, get(row, "latest"), "@Max over the source field, not the event time");
    assertEquals(2.5, get(row, "firstValue"), "@First by event time: the one at 1000");
  }

  @Test
  void windowLabelsNameTheirOwnGroups() throws Exception {
    Compilation compilation =
        FeatureGroupProcessorTest.compile("good/Ticker.java", "good/DayFeatures.java");
    assertThat(compilation).succeededWithoutWarnings();
    var info = definition(new GeneratedClassLoader(compilation), "test.DayFeatures_FeatureGroup")
        .info();

    assertEquals(List.of("card_spend_24h_hourly", "card_spend_1d"),
        info.windows().stream().map(info::groupName).toList());
  }

  @Test
  void rowSerializerRoundTripsEveryFeatureIncludingPrivateOnes() throws Exception {
    var def = definition(priceLoader, "test.PriceFeatures_FeatureGroup");
    Object row = rowOfAllTicks(def);
    TypeSerializer<Object> serializer = def.rowTypeInfo().createSerializer((SerializerConfig) null);

    assertSameFields(row, roundTrip(serializer, row));
    assertSameFields(row, serializer.copy(row));
  }

  @SuppressWarnings("unchecked")
  private static FeatureGroupDefinition<Object, Object, Object, Object, Object> definition(
      ClassLoader loader, String name) throws Exception {
    return (FeatureGroupDefinition<Object, Object, Object, Object, Object>)
        loader.loadClass(name).getMethod("instance").invoke(null);
  }

  private Object ticker(Tick tick) throws Exception {
    return priceLoader.loadClass("test.Ticker")
        .getConstructor(String.class, double.class, Double.class, Instant.class)
        .newInstance("ETH-USD", tick.price(), tick.lastSize(), tick.time());
  }

  private Object trade(Object[] values) throws Exception {
    return tradeLoader.loadClass("test.Trade")
        .getConstructor(String.class, int.class, long.class, Integer.class, Long.class,
            String.class)
        .newInstance(values);
  }

  private Object rowOfAllTicks(
      FeatureGroupDefinition<Object, Object, Object, Object, Object> def) throws Exception {
    Object acc = def.aggregation().createAccumulator();
    for (Tick tick : TICKS) {
      def.aggregation().add(acc, def.projection().project(ticker(tick)));
    }
    return def.aggregation().toRow(acc, WINDOW_START, WINDOW_END);
  }

  /** The non-null trade sizes, the values sum and average skip nulls to. */
  private static DoubleStream sizes() {
    return TICKS.stream().map(Tick::lastSize).filter(Objects::nonNull).mapToDouble(d -> d);
  }

  private static byte[] encode(FeatureRowCodec<Object> codec, Object row) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    codec.encode(row, encoder);
    encoder.flush();
    return bytes.toByteArray();
  }

  private static byte[] encodeEmpty(FeatureRowCodec<Object> codec, Object row) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    codec.encodeEmpty(row, encoder);
    encoder.flush();
    return bytes.toByteArray();
  }

  private static byte[] writeGeneric(Schema schema, GenericRecord record) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return bytes.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private static Object roundTrip(TypeSerializer<?> serializer, Object value) throws IOException {
    TypeSerializer<Object> typed = (TypeSerializer<Object>) serializer;
    DataOutputSerializer out = new DataOutputSerializer(64);
    typed.serialize(value, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    Object copy = typed.deserialize(in);
    assertEquals(0, in.available(), "every written byte is read back");
    return copy;
  }

  private static void assertSameFields(Object expected, Object actual) throws Exception {
    assertThat(actual).isNotSameInstanceAs(expected);
    for (Field field : expected.getClass().getDeclaredFields()) {
      if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      field.setAccessible(true);
      assertEquals(field.get(expected), field.get(actual), field.getName());
    }
  }

  private static Object get(Object row, String field) throws Exception {
    Field f = row.getClass().getDeclaredField(field);
    f.setAccessible(true);
    return f.get(row);
  }
}
