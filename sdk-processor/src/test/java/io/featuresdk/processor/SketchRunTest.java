package io.featuresdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.featuresdk.processor.AggregatesOracleITCase.Tick;
import io.featuresdk.runtime.spi.FeatureAggregation;
import io.featuresdk.runtime.spi.FeatureGroupDefinition;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the generated sketch aggregates of {@code good/SketchFeatures} on more values than their
 * sketches hold exactly, merged from slices, and checks the error bounds the annotations document,
 * the size of the serialized state, and that the accumulator serializer round-trips and copies
 * sketches without sharing them.
 */
class SketchRunTest {
  private static final int DISTINCT = 100_000;

  private static GeneratedClassLoader loader;
  private static FeatureGroupDefinition<Object, Object, Object, Object, Object> definition;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void compile() throws Exception {
    Compilation compilation =
        FeatureGroupProcessorTest.compile("good/Quote.java", "good/SketchFeatures.java");
    assertThat(compilation).succeededWithoutWarnings();
    loader = new GeneratedClassLoader(compilation);
    definition = (FeatureGroupDefinition<Object, Object, Object, Object, Object>) loader
        .loadClass("test.SketchFeatures_FeatureGroup").getMethod("instance").invoke(null);
  }

  @Test
  void estimatesOfMergedSlicesStayWithinTheDocumentedErrors() throws Exception {
    Object acc = aggregate(shuffledPrices(1));
    Object row = definition.aggregation().toRow(acc, 0, 10_000);

    // @ApproxCountDistinct: relative standard error 1.04 / sqrt(2^12) = 1.6%, checked at 3 sigma
    long distinct = (long) get(row, "distinctPrices");
    assertTrue(Math.abs(distinct - DISTINCT) <= 3 * 0.01625 * DISTINCT, "estimate " + distinct);
    // @ApproxPercentile: rank error 1.33% at 99% confidence; prices are 0..99999, so rank = value
    assertRankWithin(0.95, (double) get(row, "priceP95"));
    assertRankWithin(0.5, (Double) get(row, "priceMedian"));
    assertNull(get(row, "buySizeP90"), "no event matched where = \"buy\"");
    assertEquals(0L, get(row, "distinctBuySizes"));
  }

  @Test
  void serializedStateStaysNearTwoToTheLgKBytesAndRoundTrips() throws Exception {
    Object acc = aggregate(shuffledPrices(2));
    @SuppressWarnings("unchecked")
    TypeSerializer<Object> serializer = (TypeSerializer<Object>)
        definition.accumulatorType().createSerializer((SerializerConfig) null);
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(acc, out);
    // HLL (lgK 12) and one shared KLL sketch (k 200) for 100,000 values
    assertTrue(out.length() < (1 << 12) + 8_192, "accumulator of " + out.length() + " bytes");

    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    Object restored = serializer.deserialize(in);
    assertEquals(0, in.available(), "every written byte is read back");
    assertSameRow(acc, restored);
  }

  @Test
  void copiesShareNoSketchWithTheOriginal() throws Exception {
    Object acc = aggregate(shuffledPrices(3));
    @SuppressWarnings("unchecked")
    TypeSerializer<Object> serializer = (TypeSerializer<Object>)
        definition.accumulatorType().createSerializer((SerializerConfig) null);
    Object copy = serializer.copy(acc);
    Object before = definition.aggregation().toRow(copy, 0, 10_000);
    assertNotSame(get(acc, "price__kll200"), get(copy, "price__kll200"));

    for (int i = 0; i < 50_000; i++) {
      definition.aggregation().add(acc, input(1e9 + i));
    }

    assertSameRow(before, definition.aggregation().toRow(copy, 0, 10_000));
  }

  /** The prices 0..99999 in random order, each once. */
  private static List<Double> shuffledPrices(long seed) {
    List<Double> prices = new ArrayList<>();
    for (int i = 0; i < DISTINCT; i++) {
      prices.add((double) i);
    }
    Collections.shuffle(prices, new Random(seed));
    return prices;
  }

  /** Adds the prices to four slice accumulators in turn, then merges them. */
  private static Object aggregate(List<Double> prices) throws Exception {
    FeatureAggregation<Object, Object, Object> aggregation = definition.aggregation();
    List<Object> slices = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      slices.add(aggregation.createAccumulator());
    }
    for (int i = 0; i < prices.size(); i++) {
      aggregation.add(slices.get(i % 4), input(prices.get(i)));
    }
    Object total = aggregation.createAccumulator();
    for (Object slice : slices) {
      aggregation.merge(total, slice);
    }
    return total;
  }

  private static Object input(double price) throws Exception {
    Object quote = AggregatesOracleITCase.quote(loader.loadClass("test.Quote"),
        new Tick("ETH-USD", price, null, false, null, 1_000));
    return definition.projection().project(quote);
  }

  private static void assertRankWithin(double p, double value) {
    double rank = value / DISTINCT;
    assertTrue(Math.abs(rank - p) <= 0.0133, "p" + p + " estimate " + value + " has rank " + rank);
  }

  private static void assertSameRow(Object accOrRow, Object other) throws Exception {
    Object a = accOrRow.getClass().getSimpleName().endsWith("Accumulator")
        ? definition.aggregation().toRow(accOrRow, 0, 10_000) : accOrRow;
    Object b = other.getClass().getSimpleName().endsWith("Accumulator")
        ? definition.aggregation().toRow(other, 0, 10_000) : other;
    for (String field : List.of("trades", "distinctPrices", "priceP95", "priceMedian")) {
      assertEquals(get(a, field), get(b, field), field);
    }
  }

  private static Object get(Object object, String field) {
    try {
      Field f = object.getClass().getDeclaredField(field);
      f.setAccessible(true);
      return f.get(object);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
