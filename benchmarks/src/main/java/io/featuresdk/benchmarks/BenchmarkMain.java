package io.featuresdk.benchmarks;

import io.featuresdk.benchmarks.WindowBenchmark.Backend;
import io.featuresdk.benchmarks.WindowBenchmark.Result;
import io.featuresdk.benchmarks.WindowBenchmark.Variant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs every variant over the same generated stream with 1 key and with 1000 keys on the heap
 * state backend, then Flink SQL and featuresdk's sliced mode on embedded RocksDB; checks that they
 * all produce the same rows, and prints events per second with the ratios to (a) and (b) and
 * RocksDB to heap; then the JMH Avro encoding benchmark. {@code --hours} spreads the events over
 * that much event time instead of one every 10 ms (so 1,000 keys see few events per slice).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [--events 5000000] [--keys 1,1000] [--hours 24]
 *     [--backends heap,rocksdb] [--no-jmh] [--freshness-seconds 30] [--cost-rounds 5]
 * </pre>
 *
 * <p>{@code --cost-rounds N} also measures the cost of provisional rows per key count: (f) and (d)
 * alternately, N rounds, best of each.
 *
 * <p>{@code --freshness-seconds N} also runs {@link FreshnessBenchmark} at 200 and 10,000 events/s
 * for N seconds each (0, the default, skips it).
 */
public final class BenchmarkMain {
  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    long events = 5_000_000;
    int[] keyCounts = {1, 1000};
    boolean jmh = true;
    long mergeHeavyEvents = 1_000_000;
    long sketchEvents = 1_000_000;
    long hours = 0;
    int freshnessSeconds = 0;
    int costRounds = 0;
    List<Backend> backends = List.of(Backend.HEAP, Backend.ROCKSDB);
    Set<Variant> only = EnumSet.allOf(Variant.class);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--events" -> events = Long.parseLong(args[++i].replace("_", ""));
        case "--keys" -> keyCounts = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--no-jmh" -> jmh = false;
        case "--variants" -> only = variantsNamed(args[++i]);
        case "--hours" -> hours = Long.parseLong(args[++i]);
        case "--backends" -> backends =
            Arrays.stream(args[++i].split(",")).map(b -> Backend.valueOf(b.toUpperCase(java.util.Locale.ROOT))).toList();
        case "--merge-heavy-events" -> mergeHeavyEvents = Long.parseLong(args[++i].replace("_", ""));
        case "--sketch-events" -> sketchEvents = Long.parseLong(args[++i].replace("_", ""));
        case "--freshness-seconds" -> freshnessSeconds = Integer.parseInt(args[++i]);
        case "--cost-rounds" -> costRounds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException(
            "unknown argument " + args[i] + "; use --events N, --keys 1,1000, --hours H, --backends heap,rocksdb,"
                + " --variants a,b,c,d,e,f, --merge-heavy-events N (0 skips), --sketch-events N (0 skips), --freshness-seconds N (0 skips), --cost-rounds N (0 skips), --no-jmh");
      }
    }
    boolean allEqual = true;
    System.out.println("warming up every variant (" + events / 10 + " events, 1 key) ...");
    for (Backend backend : backends) {
      for (Variant variant : variants(backend, only)) {
        WindowBenchmark.run(variant, events / 10, 1, stepMillis(1), backend);
      }
    }
    for (int keys : keyCounts) {
      long step = hours > 0 ? Math.max(1, hours * 3_600_000 / events) : stepMillis(keys);
      Map<Backend, Map<Variant, Result>> byBackend = new EnumMap<>(Backend.class);
      for (Backend backend : backends) {
        byBackend.put(backend, runAll(events, keys, step, backend, only));
      }
      allEqual &= report(byBackend, keys, step);
      if (costRounds > 0) {
        provisionalCost(events, keys, step, costRounds);
      }
    }
    if (mergeHeavyEvents > 0) {
      allEqual &= mergeHeavy(mergeHeavyEvents);
    }
    if (sketchEvents > 0) {
      allEqual &= SketchAggregatesBenchmark.report(sketchEvents, 1);
    }
    if (freshnessSeconds > 0) {
      FreshnessBenchmark.report(new int[] {200, 10_000}, freshnessSeconds);
    }
    if (jmh) {
      avro();
    }
    if (!allEqual) {
      System.exit(1);
    }
  }

  /** 1 key: a trade every 10 ms; more keys share 10 ms, at least 1 ms apart. */
  static long stepMillis(int keys) {
    return Math.max(1, 10 / keys);
  }

  /**
   * On RocksDB only the two engines that share work across windows: Flink SQL HOP and featuresdk
   * sliced mode (per-window DataStream operators there are a known cliff, not the question).
   */
  static List<Variant> variants(Backend backend, Set<Variant> only) {
    return (backend == Backend.HEAP
            ? List.of(Variant.values())
            : List.of(Variant.SQL_HOP, Variant.FEATURESDK_SLICED))
        .stream().filter(only::contains).toList();
  }

  /** {@code a,d}: the variants by the letters of their titles. */
  private static Set<Variant> variantsNamed(String letters) {
    Set<Variant> named = EnumSet.noneOf(Variant.class);
    for (String letter : letters.split(",")) {
      named.add(Arrays.stream(Variant.values())
          .filter(v -> v.title.startsWith("(" + letter.trim() + ")"))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no variant (" + letter + "); use letters a to f")));
    }
    return named;
  }

  static Map<Variant, Result> runAll(long events, int keys, long step, Backend backend) throws Exception {
    return runAll(events, keys, step, backend, EnumSet.allOf(Variant.class));
  }

  static Map<Variant, Result> runAll(long events, int keys, long step, Backend backend, Set<Variant> only)
      throws Exception {
    Map<Variant, Result> results = new EnumMap<>(Variant.class);
    for (Variant variant : variants(backend, only)) {
      results.put(variant, WindowBenchmark.run(variant, events, keys, step, backend));
    }
    return results;
  }

  /**
   * The cross-check: every variant's rows against {@code reference}, the rows of (a) on the heap;
   * an empty list when all agree.
   */
  static List<String> check(List<ResultRow> reference, Map<Variant, Result> results) {
    List<String> problems = new ArrayList<>();
    if (reference.isEmpty()) {
      problems.add("(a) emitted no rows");
    }
    for (Result result : results.values()) {
      if (result.variant() != Variant.HAND_WRITTEN && result.variant() != Variant.SOURCE_AND_SINK) {
        for (String problem : RowCheck.differences(reference, result.rows(), 5)) {
          problems.add(result.variant().title + ": " + problem);
        }
      }
      if (result.variant() == Variant.SOURCE_AND_SINK && result.records() != result.events()) {
        problems.add("(e) passed " + result.records() + " of " + result.events() + " events");
      }
    }
    return problems;
  }

  private static boolean report(Map<Backend, Map<Variant, Result>> byBackend, int keys, long step) {
    Map<Variant, Result> heap = byBackend.getOrDefault(Backend.HEAP, Map.of());
    Result a = heap.get(Variant.HAND_WRITTEN);
    List<ResultRow> reference = a == null ? List.of() : a.rows();
    System.out.printf("%n%s events, %d key%s, one every %d ms, windows 5m/10m/60m every 1m, parallelism 1%n",
        byBackend.values().iterator().next().values().iterator().next().events(), keys, keys == 1 ? "" : "s", step);
    System.out.printf("%-10s %-40s %14s %10s %10s %10s %10s%n",
        "backend", "variant", "events/s", "vs (a)", "vs (b)", "vs heap", "rows");
    List<String> problems = new ArrayList<>();
    List<String> known = new ArrayList<>();
    for (Map.Entry<Backend, Map<Variant, Result>> backend : byBackend.entrySet()) {
      Map<Variant, Result> results = backend.getValue();
      Result b = results.get(Variant.SQL_HOP);
      for (Result r : results.values()) {
        Result onHeap = backend.getKey() == Backend.HEAP ? null : heap.get(r.variant());
        System.out.printf("%-10s %-40s %,14.0f %10s %10s %10s %,10d%n", backend.getKey(), r.variant().title,
            r.eventsPerSecond(), ratio(r, a), ratio(r, b), ratio(r, onHeap),
            r.variant() == Variant.SOURCE_AND_SINK ? 0 : r.rows().size());
      }
      for (String problem : check(reference, results)) {
        if (backend.getKey() == Backend.ROCKSDB && problem.startsWith(Variant.SQL_HOP.title)) {
          // Flink's bug, not the harness's: shown, but not failing the run
          known.add(backend.getKey() + " " + problem);
        } else {
          problems.add(backend.getKey() + " " + problem);
        }
      }
    }
    Result d = heap.get(Variant.FEATURESDK_SLICED);
    Result f = heap.get(Variant.FEATURESDK_FINAL_ONLY);
    if (d != null && f != null) {
      System.out.printf("provisional rows cost: (d) runs at %.0f %% of (f)'s throughput%n",
          100.0 * d.eventsPerSecond() / f.eventsPerSecond());
    }
    if (a == null) {
      System.out.println("rows: not checked (no heap run of (a) to compare with)");
      return true;
    }
    if (!known.isEmpty()) {
      System.out.println("rows of Flink SQL on RocksDB differ (heap timers fire with the last buffered"
          + " key, FLINK-39589):");
      known.forEach(p -> System.out.println("  " + p));
    }
    if (problems.isEmpty()) {
      System.out.println("rows: every " + (known.isEmpty() ? "" : "other ")
          + "variant on every backend equals (a) on the heap row for row"
          + " (sums and averages within 1e-9 relative)");
      return true;
    }
    System.out.println("ROWS DIFFER:");
    problems.forEach(p -> System.out.println("  " + p));
    return false;
  }

  /**
   * The cost of provisional rows measured robustly against the machine's noise: (f) and (d)
   * alternate for {@code rounds} rounds, and the best run of each is compared.
   */
  static double provisionalCost(long events, int keys, long step, int rounds) throws Exception {
    double bestFinalOnly = 0;
    double bestProvisional = 0;
    for (int round = 0; round < rounds; round++) {
      bestFinalOnly = Math.max(bestFinalOnly,
          WindowBenchmark.run(Variant.FEATURESDK_FINAL_ONLY, events, keys, step, Backend.HEAP).eventsPerSecond());
      bestProvisional = Math.max(bestProvisional,
          WindowBenchmark.run(Variant.FEATURESDK_SLICED, events, keys, step, Backend.HEAP).eventsPerSecond());
    }
    double percent = 100.0 * bestProvisional / bestFinalOnly;
    System.out.printf("provisional rows cost, best of %d alternating rounds, %d key%s: (d) %,.0f vs (f) %,.0f"
        + " events/s = %.0f %%%n", rounds, keys, keys == 1 ? "" : "s", bestProvisional, bestFinalOnly, percent);
    return percent;
  }

  private static String ratio(Result r, Result base) {
    return base == null ? "" : String.format("%9.2fx", r.eventsPerSecond() / base.eventsPerSecond());
  }

  static boolean mergeHeavy(long events) throws Exception {
    Map<MergeHeavyBenchmark.Variant, Result> results = new EnumMap<>(MergeHeavyBenchmark.Variant.class);
    for (MergeHeavyBenchmark.Variant variant : MergeHeavyBenchmark.Variant.values()) {
      results.put(variant, MergeHeavyBenchmark.run(variant, events));
    }
    Result sql = results.get(MergeHeavyBenchmark.Variant.SQL_HOP);
    System.out.printf("%n%,d events, 1 key, one every %d ms, window 1d every 10s (8,640 slices), parallelism 1%n",
        events, MergeHeavyBenchmark.STEP_MILLIS);
    System.out.printf("%-40s %14s %10s %10s%n", "variant", "events/s", "vs (b)", "rows");
    for (Map.Entry<MergeHeavyBenchmark.Variant, Result> e : results.entrySet()) {
      Result r = e.getValue();
      System.out.printf("%-40s %,14.0f %9.2fx %,10d%n", e.getKey().title, r.eventsPerSecond(),
          r.eventsPerSecond() / sql.eventsPerSecond(), r.rows().size());
    }
    List<String> problems = new ArrayList<>();
    for (Map.Entry<MergeHeavyBenchmark.Variant, Result> e : results.entrySet()) {
      for (String problem : RowCheck.differences(sql.rows(), e.getValue().rows(), 5)) {
        problems.add(e.getKey().title + ": " + problem);
      }
    }
    if (problems.isEmpty() && !sql.rows().isEmpty()) {
      System.out.println("rows: all three equal row for row");
      return true;
    }
    System.out.println("ROWS DIFFER:");
    problems.forEach(p -> System.out.println("  " + p));
    return false;
  }

  private static void avro() throws Exception {
    System.out.println();
    System.out.println("JMH: encoding one feature row as Avro binary ...");
    java.util.Collection<RunResult> results =
        new Runner(new OptionsBuilder()
            .include(AvroEncodingBenchmark.class.getName() + "\\.")
            .build())
            .run();
    double generated = 0;
    double reflection = 0;
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      double score = result.getPrimaryResult().getScore();
      if (name.endsWith("generatedCodec")) {
        generated = score;
      } else if (name.endsWith("reflection")) {
        reflection = score;
      }
    }
    System.out.printf("%n%-40s %14s %10s%n", "Avro encoding", "rows/s", "ratio");
    System.out.printf("%-40s %,14.0f %9.2fx%n", "generated codec", generated, generated / reflection);
    System.out.printf("%-40s %,14.0f %9.2fx%n", "reflection + ReflectDatumWriter", reflection, 1.0);
  }
}
