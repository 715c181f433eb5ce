package io.featuresdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import io.featuresdk.runtime.FeaturePipeline;
import io.featuresdk.runtime.FeatureStreams;
import io.featuresdk.runtime.WindowMode;
import io.featuresdk.runtime.spi.FeatureGroupDefinition;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.window.RowKind;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs generated feature classes with the newer aggregates in a MiniCluster, in both window modes,
 * on a random quote stream with disorder and stragglers, and compares every row with a brute-force
 * oracle over the raw events. Watermarks are per event, so which events are late follows from the
 * arrival order alone: the oracle replays it, and an event counts in a window only if the
 * watermark before it had not reached the window's last millisecond.
 */
class AggregatesOracleITCase {
  private static final long BOUND_MILLIS = 2_000; // the classes' maxOutOfOrderness
  private static final double RELATIVE_TOLERANCE = 1e-9;

  @TempDir Path classes;

  /** One quote as the oracle sees it. */
  record Tick(
      String product, double price, Double size, boolean buy, Boolean flagged, long timeMillis) {
    Double notional() {
      return size == null ? null : price * size;
    }

    boolean large() {
      return size != null && size >= 2.5;
    }
  }

  /** What a feature field of a row must hold, given the events its window kept. */
  interface Check {
    String field();

    void check(String what, List<Tick> kept, Object actual);
  }

  /** The value itself, doubles to a relative 1e-9. */
  record Expected(String field, Function<List<Tick>, Object> value) implements Check {
    @Override
    public void check(String what, List<Tick> kept, Object actual) {
      assertSame(what, value.apply(kept), actual);
    }
  }

  /** An estimate of a distinct count, within 3 relative standard errors (or 1). */
  record DistinctWithin(String field, Function<Tick, Object> value, double relativeError)
      implements Check {
    @Override
    public void check(String what, List<Tick> kept, Object actual) {
      Set<Object> distinct = new HashSet<>();
      kept.stream().map(value).filter(v -> v != null).forEach(distinct::add);
      long estimate = (Long) actual;
      assertTrue(Math.abs(estimate - distinct.size()) <= Math.max(1, 3 * relativeError
          * distinct.size()), what + ": " + estimate + " estimates " + distinct.size());
    }
  }

  /**
   * A percentile estimate: null without values, else one of the values whose rank range
   * {@code [#below, #atOrBelow] / n} comes within 1.33% (k = 200) of {@code p}.
   */
  record RankWithin(String field, double p, Function<Tick, Double> value) implements Check {
    @Override
    public void check(String what, List<Tick> kept, Object actual) {
      List<Double> values = kept.stream().map(value).filter(v -> v != null).toList();
      if (values.isEmpty()) {
        assertEquals(null, actual, what);
        return;
      }
      double estimate = (Double) actual;
      assertTrue(values.contains(estimate), what + ": " + estimate + " is not a value");
      double below = values.stream().filter(v -> v < estimate).count() / (double) values.size();
      double atOrBelow =
          values.stream().filter(v -> v <= estimate).count() / (double) values.size();
      assertTrue(below <= p + 0.0133 && atOrBelow >= p - 0.0133,
          what + ": " + estimate + " has ranks " + below + ".." + atOrBelow + ", not " + p);
    }
  }

  /**
   * {@code @TopK} beyond the sketch's exact range: at most {@code k} of the window's values, null
   * without values, and every value more frequent than the {@code k}-th most frequent by more
   * than {@code 2 * 3.5 / 2^lgMaxMapSize} of the values among them.
   */
  record TopWithin(String field, Function<Tick, Object> value, int k, int lgMaxMapSize)
      implements Check {
    @Override
    public void check(String what, List<Tick> kept, Object actual) {
      Map<Object, Long> counts = new HashMap<>();
      kept.stream().map(value).filter(v -> v != null).forEach(v -> counts.merge(v, 1L, Long::sum));
      if (counts.isEmpty()) {
        assertEquals(null, actual, what);
        return;
      }
      List<?> top = (List<?>) actual;
      assertTrue(top.size() <= k && counts.keySet().containsAll(top), what + ": " + top);
      long total = counts.values().stream().mapToLong(c -> c).sum();
      List<Long> sorted = counts.values().stream().sorted(Comparator.reverseOrder()).toList();
      long kth = sorted.size() < k ? 0 : sorted.get(k - 1);
      double margin = 2 * 3.5 / (1 << lgMaxMapSize) * total;
      counts.forEach((v, count) -> assertTrue(count <= kth + margin || top.contains(v),
          what + ": " + v + " (" + count + " times) missing from " + top));
    }
  }

  @ParameterizedTest
  @EnumSource(WindowMode.class)
  void varianceAndStandardDeviationMatchTheOracle(WindowMode mode) throws Exception {
    assertRowsMatchOracle("VolatilityFeatures", mode, List.<Check>of(
        new Expected("trades", ticks -> (long) ticks.size()),
        new Expected("priceStdDev", ticks -> sqrt(variance(ticks, Tick::price, false))),
        new Expected("priceVariance", ticks -> variance(ticks, Tick::price, false)),
        new Expected("pricePopulationVariance", ticks -> variance(ticks, Tick::price, true)),
        new Expected("sizePopulationStdDev",
            ticks -> sqrt(variance(present(ticks, Tick::size), t -> t.size(), true)))));
  }

  @ParameterizedTest
  @EnumSource(WindowMode.class)
  void filtersDerivedInputsAndDerivedFeaturesMatchTheOracle(WindowMode mode) throws Exception {
    assertRowsMatchOracle("NotionalFeatures", mode, List.<Check>of(
        new Expected("trades", ticks -> (long) ticks.size()),
        new Expected("largeTrades", ticks -> ticks.stream().filter(Tick::large).count()),
        new Expected("flaggedTrades", // a null Boolean matches nothing
            ticks -> ticks.stream().filter(t -> Boolean.TRUE.equals(t.flagged())).count()),
        new Expected("notional", ticks -> sum(ticks, Tick::notional)),
        new Expected("buyNotional", ticks -> sum(only(ticks, Tick::buy), Tick::notional)),
        new Expected("largeVolume", ticks -> sum(only(ticks, Tick::large), Tick::size)),
        new Expected("largePriceAvg", ticks -> {
          List<Tick> large = only(ticks, Tick::large);
          return large.isEmpty() ? null : sum(large, Tick::price) / large.size();
        }),
        new Expected("buyPriceMin", ticks -> only(ticks, Tick::buy).stream()
            .map(Tick::price).min(Double::compare).orElse(null)),
        new Expected("lastBuyPrice", ticks -> {
          // the latest event time wins; of equal times the later arrival (ticks keep arrival order)
          Tick last = null;
          for (Tick tick : only(ticks, Tick::buy)) {
            if (last == null || tick.timeMillis() >= last.timeMillis()) {
              last = tick;
            }
          }
          return last == null ? null : last.price();
        }),
        new Expected("buyPriceStdDev",
            ticks -> sqrt(variance(only(ticks, Tick::buy), Tick::price, false))),
        new Expected("volume", ticks -> sum(ticks, Tick::size)),
        new Expected("vwap", ticks -> {
          Double notional = sum(ticks, Tick::notional);
          Double volume = sum(ticks, Tick::size);
          return notional == null || volume == 0 ? null : notional / volume;
        }),
        new Expected("largeShare",
            ticks -> ticks.stream().filter(Tick::large).count() / (double) ticks.size())));
  }

  @ParameterizedTest
  @EnumSource(WindowMode.class)
  void sketchEstimatesMatchTheOracle(WindowMode mode) throws Exception {
    assertRowsMatchOracle("SketchFeatures", mode, List.<Check>of(
        new Expected("trades", ticks -> (long) ticks.size()),
        new DistinctWithin("distinctPrices", Tick::price, 0.01625),
        new DistinctWithin("distinctBuySizes",
            t -> t.buy() ? t.size() : null, 0.0325),
        new RankWithin("priceP95", 0.95, Tick::price),
        new RankWithin("priceMedian", 0.5, Tick::price),
        new RankWithin("buySizeP90", 0.9, t -> t.buy() ? t.size() : null),
        new Expected("distinctPricesUpTo50",
            ticks -> Math.min(50L, distinct(ticks, Tick::price))),
        new Expected("distinctBuySizesExact",
            ticks -> distinct(only(ticks, Tick::buy), Tick::size))));
  }

  @ParameterizedTest
  @EnumSource(WindowMode.class)
  void latestEarliestAndMostFrequentValuesMatchTheOracle(WindowMode mode) throws Exception {
    assertRowsMatchOracle("RecentFeatures", mode, List.<Check>of(
        new Expected("trades", ticks -> (long) ticks.size()),
        new Expected("lastPrices", ticks -> byTime(ticks, Tick::price, 5, true, false)),
        new Expected("firstPrices", ticks -> byTime(ticks, Tick::price, 3, false, false)),
        new Expected("lastSizes", ticks -> byTime(ticks, Tick::size, 4, true, false)),
        new Expected("lastDistinctBands",
            ticks -> byTime(ticks, t -> "band" + (int) (t.price() / 10), 3, true, true)),
        new Expected("firstDistinctMod7",
            ticks -> byTime(ticks, t -> Math.round(t.price()) % 7, 4, false, true)),
        new Expected("lastBuyPrices",
            ticks -> byTime(only(ticks, Tick::buy), Tick::price, 2, true, false)),
        new Expected("firstSides", ticks -> byTime(ticks, Tick::buy, 2, false, false)),
        new Expected("firstFloatPrices",
            ticks -> byTime(ticks, t -> (float) t.price(), 2, false, false)),
        new Expected("topBands", ticks -> top(ticks, t -> "band" + (int) (t.price() / 10), 3)),
        new Expected("topBuyMod7",
            ticks -> top(only(ticks, Tick::buy), t -> Math.round(t.price()) % 7, 2)),
        new Expected("topBuckets", ticks -> top(ticks, t -> (int) t.price() % 13, 4)),
        new Expected("majoritySide", ticks -> top(ticks, Tick::buy, 1)),
        new TopWithin("topPrices", Tick::price, 3, 6)));
  }

  /**
   * The {@code k} most frequent non-null values, most frequent first, of equal counts the smaller
   * first; null without values.
   */
  static <T extends Comparable<T>> List<T> top(List<Tick> ticks, Function<Tick, T> value, int k) {
    Map<T, Long> counts = new TreeMap<>();
    ticks.stream().map(value).filter(v -> v != null).forEach(v -> counts.merge(v, 1L, Long::sum));
    if (counts.isEmpty()) {
      return null;
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<T, Long>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(k)
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * The {@code n} latest (or earliest) non-null values by event time, of equal times by arrival
   * ({@code ticks} are in arrival order), oldest first; with {@code distinct}, each value once at
   * its latest (earliest) occurrence; null without values.
   */
  static <T> List<T> byTime(
      List<Tick> ticks, Function<Tick, T> value, int n, boolean latest, boolean distinct) {
    List<Tick> ordered = ticks.stream().filter(t -> value.apply(t) != null)
        .sorted(Comparator.comparingLong(Tick::timeMillis)) // stable: keeps arrival order
        .toList();
    if (ordered.isEmpty()) {
      return null;
    }
    List<Tick> fromKeptEnd = new ArrayList<>(ordered);
    if (latest) {
      Collections.reverse(fromKeptEnd);
    }
    Set<T> seen = new HashSet<>();
    List<T> kept = new ArrayList<>();
    for (Tick tick : fromKeptEnd) {
      T v = value.apply(tick);
      if (kept.size() < n && (!distinct || seen.add(v))) {
        kept.add(v);
      }
    }
    if (latest) {
      Collections.reverse(kept);
    }
    return kept;
  }

  private void assertRowsMatchOracle(String featureClass, WindowMode mode, List<Check> fields)
      throws Exception {
    Compilation compilation =
        FeatureGroupProcessorTest.compile("good/Quote.java", "good/" + featureClass + ".java");
    assertThat(compilation).succeededWithoutWarnings();
    CompiledClasses.writeTo(compilation, classes);
    List<Tick> events = events(new Random(mode.ordinal() * 31L + featureClass.hashCode()));

    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      @SuppressWarnings("unchecked")
      FeatureGroupDefinition<Object, ?, ?, ?, Object> definition =
          (FeatureGroupDefinition<Object, ?, ?, ?, Object>) loader
              .loadClass("test." + featureClass + "_FeatureGroup").getMethod("instance").invoke(null);
      Configuration config = new Configuration();
      config.set(PipelineOptions.CLASSPATHS, List.of(classes.toUri().toURL().toString()));
      config.set(PipelineOptions.GENERIC_TYPES, false);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, config);
      Class<?> quoteClass = loader.loadClass("test.Quote");
      List<Object> quotes = new ArrayList<>();
      for (Tick tick : events) {
        quotes.add(quote(quoteClass, tick));
      }
      @SuppressWarnings("unchecked")
      DataStream<Object> source =
          env.fromData(quotes, (TypeInformation<Object>) TypeInformation.of(quoteClass));
      FeatureStreams<Object> streams = FeaturePipeline.of(definition)
          .withWindowMode(mode)
          .withPerEventWatermarks()
          .from(source);
      List<WindowSpec> windows = streams.windows();
      List<CloseableIterator<Object>> results = new ArrayList<>();
      for (WindowSpec window : windows) {
        // both kinds: this checks the aggregates, not which windows the input covered entirely
        results.add(streams.rows(window, RowKind.COMPLETE)
            .union(streams.rows(window, RowKind.TRUNCATED))
            .collectAsync());
      }
      env.execute(featureClass + " oracle " + mode);

      for (int i = 0; i < windows.size(); i++) {
        Map<String, Map<String, Object>> actual = new TreeMap<>();
        try (CloseableIterator<Object> rows = results.get(i)) {
          while (rows.hasNext()) {
            Object row = rows.next();
            String id = get(row, "ticker") + "@" + ((Instant) get(row, "timestamp")).toEpochMilli();
            Map<String, Object> values = new LinkedHashMap<>();
            for (Check field : fields) {
              values.put(field.field(), get(row, field.field()));
            }
            assertEquals(null, actual.put(id, values), "row emitted twice: " + id);
          }
        }
        Map<String, List<Tick>> kept = oracleWindows(events, windows.get(i));
        String what = streams.groupName(windows.get(i)) + " " + mode;
        assertEquals(kept.keySet(), actual.keySet(), what + ": rows emitted");
        for (Map.Entry<String, List<Tick>> window : kept.entrySet()) {
          for (Check field : fields) {
            field.check(what + " " + window.getKey() + " " + field.field(), window.getValue(),
                actual.get(window.getKey()).get(field.field()));
          }
        }
      }
    }
  }

  /**
   * Two products over about 20 seconds: most events within the 2 s bound of disorder, one in
   * twelve a straggler up to 8 s behind, which misses the windows that already fired.
   */
  static List<Tick> events(Random random) {
    List<Tick> events = new ArrayList<>();
    long time = 1_700_000_000_000L;
    for (int i = 0; i < 700; i++) {
      time += random.nextInt(60);
      long eventTime = random.nextInt(12) == 0
          ? time - random.nextInt(8_000)
          : time - random.nextInt((int) BOUND_MILLIS);
      events.add(new Tick(random.nextBoolean() ? "ETH-USD" : "BTC-USD",
          3000 + random.nextInt(10_000) / 100.0,
          random.nextInt(4) == 0 ? null : random.nextInt(500) / 100.0,
          random.nextBoolean(),
          random.nextInt(3) == 0 ? null : random.nextBoolean(),
          eventTime));
    }
    return events;
  }

  /**
   * The events each (product, window end) keeps, by brute force: replay arrivals with the
   * watermark each preceding event left, {@code max time - bound - 1}; an event joins a window
   * whose last millisecond the watermark has not reached. Asserts that some were dropped.
   */
  static Map<String, List<Tick>> oracleWindows(List<Tick> events, WindowSpec window) {
    Map<String, List<Tick>> kept = new TreeMap<>();
    long maxTime = Long.MIN_VALUE;
    int dropped = 0;
    for (Tick tick : events) {
      long watermark = maxTime == Long.MIN_VALUE ? Long.MIN_VALUE : maxTime - BOUND_MILLIS - 1;
      long firstEnd = Math.floorDiv(tick.timeMillis(), window.slideMillis()) * window.slideMillis()
          + window.slideMillis();
      for (long end = firstEnd; end - window.sizeMillis() <= tick.timeMillis();
          end += window.slideMillis()) {
        if (watermark >= end - 1) {
          dropped++;
        } else {
          kept.computeIfAbsent(tick.product() + "@" + end, k -> new ArrayList<>()).add(tick);
        }
      }
      maxTime = Math.max(maxTime, tick.timeMillis());
    }
    assertTrue(dropped > 0, "the stream has late events");
    return kept;
  }

  static List<Tick> only(List<Tick> ticks, Predicate<Tick> filter) {
    return ticks.stream().filter(filter).toList();
  }

  /** The sum of the non-null values; null when there are none. */
  static Double sum(List<Tick> ticks, Function<Tick, Double> value) {
    List<Double> present = ticks.stream().map(value).filter(v -> v != null).toList();
    return present.isEmpty() ? null : present.stream().mapToDouble(v -> v).sum();
  }

  /** The number of distinct non-null values. */
  static long distinct(List<Tick> ticks, Function<Tick, Object> value) {
    return ticks.stream().map(value).filter(v -> v != null).distinct().count();
  }

  /** The ticks whose value is not null. */
  static List<Tick> present(List<Tick> ticks, Function<Tick, Object> value) {
    Predicate<Tick> isPresent = t -> value.apply(t) != null;
    return ticks.stream().filter(isPresent).toList();
  }

  /** Two-pass variance; null below two values (sample) or one value (population). */
  static Double variance(List<Tick> ticks, ToDoubleFunction<Tick> value, boolean population) {
    int n = ticks.size();
    if (n < (population ? 1 : 2)) {
      return null;
    }
    double mean = ticks.stream().mapToDouble(value).sum() / n;
    double squares = ticks.stream().mapToDouble(t -> Math.pow(value.applyAsDouble(t) - mean, 2))
        .sum();
    return squares / (population ? n : n - 1);
  }

  static Double sqrt(Double value) {
    return value == null ? null : Math.sqrt(value);
  }

  private static void assertSame(String what, Object expected, Object actual) {
    if (expected instanceof Double e && actual instanceof Double a) {
      if (Math.abs(e - a) > RELATIVE_TOLERANCE * Math.max(1, Math.abs(e))) {
        fail(what + ": expected " + e + " but was " + a);
      }
      return;
    }
    assertEquals(expected, actual, what);
  }

  /** A {@code test.Quote} of the compiled classes carrying {@code tick}. */
  static Object quote(Class<?> quoteClass, Tick tick) throws ReflectiveOperationException {
    Object quote = quoteClass.getConstructor().newInstance();
    quoteClass.getField("product").set(quote, tick.product());
    quoteClass.getField("price").set(quote, tick.price());
    quoteClass.getField("size").set(quote, tick.size());
    quoteClass.getField("buy").set(quote, tick.buy());
    quoteClass.getField("flagged").set(quote, tick.flagged());
    quoteClass.getField("timeMillis").set(quote, tick.timeMillis());
    return quote;
  }

  private static Object get(Object row, String field) {
    try {
      Field f = row.getClass().getDeclaredField(field);
      f.setAccessible(true);
      return f.get(row);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
