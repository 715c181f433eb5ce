package io.featuresdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.testing.compile.Compilation;
import io.featuresdk.runtime.spi.FeatureAggregation;
import io.featuresdk.runtime.spi.FeatureGroupDefinition;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the generated {@code @Variance}/{@code @StdDev} code of {@code good/VolatilityFeatures}
 * against a two-pass computation in {@link BigDecimal}: split into random slices and merged in
 * random order, on values where a sum of squares loses every digit, and at the edges (one value,
 * only nulls).
 */
class VarianceRunTest {
  private static final MathContext EXACT = new MathContext(60);
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static GeneratedClassLoader loader;

  @BeforeAll
  static void compile() {
    Compilation compilation =
        FeatureGroupProcessorTest.compile("good/Quote.java", "good/VolatilityFeatures.java");
    assertThat(compilation).succeededWithoutWarnings();
    loader = new GeneratedClassLoader(compilation);
  }

  @Test
  void mergedRandomSlicesMatchTwoPassVarianceOfAllValues() throws Exception {
    Random random = new Random(5);
    for (int round = 0; round < 50; round++) {
      List<Double> prices = new ArrayList<>();
      List<Double> sizes = new ArrayList<>();
      int n = 1 + random.nextInt(40);
      for (int i = 0; i < n; i++) {
        prices.add(random.nextInt(1_000_000) / 100.0);
        sizes.add(random.nextInt(4) == 0 ? null : random.nextDouble() * 3);
      }
      Object row = aggregateInSlices(prices, sizes, random);

      assertClose(variance(prices, false), (Double) get(row, "priceVariance"));
      assertClose(sqrt(variance(prices, false)), (Double) get(row, "priceStdDev"));
      assertClose(variance(prices, true), (double) get(row, "pricePopulationVariance"));
      assertClose(sqrt(variance(sizes, true)), (Double) get(row, "sizePopulationStdDev"));
    }
  }

  @Test
  void smallSpreadAroundALargeValueKeepsItsDigits() throws Exception {
    // 1e9 + {4, 7, 13, 16}: variance 30 exactly; a sum of squares (1e18) keeps no digit of it
    List<Double> prices = List.of(1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16);
    List<Double> sizes = List.of(1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16);

    Object row = aggregateInSlices(prices, sizes, new Random(1));

    assertEquals(30.0, (Double) get(row, "priceVariance"), 1e-6);
    assertEquals(22.5, (double) get(row, "pricePopulationVariance"), 1e-6);
    assertEquals(Math.sqrt(22.5), (Double) get(row, "sizePopulationStdDev"), 1e-6);
  }

  @Test
  void oneValueHasNoSampleVarianceAndZeroPopulationVariance() throws Exception {
    List<Double> nullSize = new ArrayList<>();
    nullSize.add(null);
    Object row = aggregateInSlices(List.of(3000.5), nullSize, new Random(2));

    assertNull(get(row, "priceVariance"), "sample variance of one value");
    assertNull(get(row, "priceStdDev"), "sample standard deviation of one value");
    assertEquals(0.0, (double) get(row, "pricePopulationVariance"));
    assertNull(get(row, "sizePopulationStdDev"), "population form of only nulls");
  }

  /** Adds each tick to one of a few accumulators, then merges them in random order. */
  private static Object aggregateInSlices(List<Double> prices, List<Double> sizes, Random random)
      throws Exception {
    @SuppressWarnings("unchecked")
    var definition = (FeatureGroupDefinition<Object, Object, Object, Object, Object>) loader
        .loadClass("test.VolatilityFeatures_FeatureGroup").getMethod("instance").invoke(null);
    FeatureAggregation<Object, Object, Object> aggregation = definition.aggregation();
    List<Object> slices = new ArrayList<>();
    int sliceCount = 1 + random.nextInt(4);
    for (int i = 0; i < sliceCount; i++) {
      slices.add(aggregation.createAccumulator());
    }
    Class<?> quoteClass = loader.loadClass("test.Quote");
    for (int i = 0; i < prices.size(); i++) {
      Object quote = AggregatesOracleITCase.quote(quoteClass, new AggregatesOracleITCase.Tick(
          "ETH-USD", prices.get(i), sizes.get(i), false, null, T0.plusSeconds(i).toEpochMilli()));
      aggregation.add(slices.get(random.nextInt(sliceCount)),
          definition.projection().project(quote));
    }
    Object total = aggregation.createAccumulator();
    while (!slices.isEmpty()) {
      aggregation.merge(total, slices.remove(random.nextInt(slices.size())));
    }
    return aggregation.toRow(total, 0, T0.plusSeconds(300).toEpochMilli());
  }

  /** Two passes in 60 digits: the mean, then the squared deviations; null without enough values. */
  private static Double variance(List<Double> values, boolean population) {
    List<BigDecimal> present = values.stream()
        .filter(v -> v != null).map(BigDecimal::new).toList();
    int n = present.size();
    if (n < (population ? 1 : 2)) {
      return null;
    }
    BigDecimal mean = present.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(n), EXACT);
    BigDecimal squares = present.stream()
        .map(v -> v.subtract(mean).pow(2))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    return squares.divide(BigDecimal.valueOf(population ? n : n - 1), EXACT).doubleValue();
  }

  private static Double sqrt(Double value) {
    return value == null ? null : Math.sqrt(value);
  }

  private static void assertClose(Double expected, Double actual) {
    if (expected == null) {
      assertNull(actual);
      return;
    }
    assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)));
  }

  private static Object get(Object row, String field) throws ReflectiveOperationException {
    Field f = row.getClass().getDeclaredField(field);
    f.setAccessible(true);
    return f.get(row);
  }
}
