package io.featuresdk.benchmarks;

import io.featuresdk.benchmarks.WindowBenchmark.Result;
import io.featuresdk.benchmarks.WindowBenchmark.Variant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs every variant over the same generated stream with 1 key and with 1000 keys, checks that
 * they all produce the same rows, and prints events per second with the ratios to (a) and (b);
 * then the JMH Avro encoding benchmark.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [--events 5000000] [--keys 1,1000] [--no-jmh]
 * </pre>
 */
public final class BenchmarkMain {
  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    long events = 5_000_000;
    int[] keyCounts = {1, 1000};
    boolean jmh = true;
    long mergeHeavyEvents = 1_000_000;
    long sketchEvents = 1_000_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--events" -> events = Long.parseLong(args[++i].replace("_", ""));
        case "--keys" -> keyCounts = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--no-jmh" -> jmh = false;
        case "--merge-heavy-events" -> mergeHeavyEvents = Long.parseLong(args[++i].replace("_", ""));
        case "--sketch-events" -> sketchEvents = Long.parseLong(args[++i].replace("_", ""));
        default -> throw new IllegalArgumentException(
            "unknown argument " + args[i] + "; use --events N, --keys 1,1000, --merge-heavy-events N (0 skips),"
                + " --sketch-events N (0 skips), --no-jmh");
      }
    }
    boolean allEqual = true;
    System.out.println("warming up every variant (" + events / 10 + " events, 1 key) ...");
    for (Variant variant : Variant.values()) {
      WindowBenchmark.run(variant, events / 10, 1, stepMillis(1));
    }
    for (int keys : keyCounts) {
      allEqual &= report(runAll(events, keys), keys);
    }
    if (mergeHeavyEvents > 0) {
      allEqual &= mergeHeavy(mergeHeavyEvents);
    }
    if (sketchEvents > 0) {
      allEqual &= SketchAggregatesBenchmark.report(sketchEvents, 1);
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

  static Map<Variant, Result> runAll(long events, int keys) throws Exception {
    Map<Variant, Result> results = new EnumMap<>(Variant.class);
    for (Variant variant : Variant.values()) {
      results.put(variant, WindowBenchmark.run(variant, events, keys, stepMillis(keys)));
    }
    return results;
  }

  /** The cross-check: every variant's rows against (a)'s; an empty list when all agree. */
  static List<String> check(Map<Variant, Result> results) {
    List<String> problems = new ArrayList<>();
    List<ResultRow> reference = results.get(Variant.HAND_WRITTEN).rows();
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

  private static boolean report(Map<Variant, Result> results, int keys) {
    Result a = results.get(Variant.HAND_WRITTEN);
    Result b = results.get(Variant.SQL_HOP);
    long events = a.events();
    System.out.printf("%n%,d events, %d key%s, one every %d ms, windows 5m/10m/60m every 1m, parallelism 1%n",
        events, keys, keys == 1 ? "" : "s", stepMillis(keys));
    System.out.printf("%-40s %14s %10s %10s %10s%n", "variant", "events/s", "vs (a)", "vs (b)", "rows");
    for (Result r : results.values()) {
      System.out.printf("%-40s %,14.0f %9.2fx %9.2fx %,10d%n", r.variant().title, r.eventsPerSecond(),
          r.eventsPerSecond() / a.eventsPerSecond(), r.eventsPerSecond() / b.eventsPerSecond(),
          r.variant() == Variant.SOURCE_AND_SINK ? 0 : r.rows().size());
    }
    System.out.printf("provisional rows cost: (d) runs at %.0f %% of (f)'s throughput%n",
        100.0 * results.get(Variant.FEATURESDK_SLICED).eventsPerSecond()
            / results.get(Variant.FEATURESDK_FINAL_ONLY).eventsPerSecond());
    List<String> problems = check(results);
    if (problems.isEmpty()) {
      System.out.println("rows: (b), (c), (d) and (f) equal (a) row for row (sums and averages within 1e-9 relative)");
      return true;
    }
    System.out.println("ROWS DIFFER:");
    problems.forEach(p -> System.out.println("  " + p));
    return false;
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
