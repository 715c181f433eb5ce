package io.featuresdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.benchmarks.WindowBenchmark.Backend;
import io.featuresdk.benchmarks.WindowBenchmark.Result;
import io.featuresdk.benchmarks.WindowBenchmark.Variant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A tiny run of every variant: they build, run and agree row for row. No timing is asserted. */
class BenchmarkSmokeTest {

  @ParameterizedTest
  @ValueSource(ints = {3})
  void everyVariantProducesTheSameRows(int keys) throws Exception {
    Map<Variant, Result> heap = BenchmarkMain.runAll(20_000, keys, BenchmarkMain.stepMillis(keys), Backend.HEAP);
    List<ResultRow> reference = heap.get(Variant.HAND_WRITTEN).rows();
    assertEquals(List.of(), BenchmarkMain.check(reference, heap));
    assertTrue(heap.get(Variant.FEATURESDK_SLICED).rows().size() > 3 * keys, "rows were emitted");
  }

  @Test
  void onRocksDbSlicedModeEmitsTheHeapReferenceRows() throws Exception {
    int keys = 3;
    long step = 60_000; // a sparse stream: most slices hold one event, most windows several slices
    List<ResultRow> reference =
        BenchmarkMain.runAll(600, keys, step, Backend.HEAP, EnumSet.of(Variant.HAND_WRITTEN))
            .get(Variant.HAND_WRITTEN).rows();
    Map<Variant, Result> rocksDb =
        BenchmarkMain.runAll(600, keys, step, Backend.ROCKSDB, EnumSet.of(Variant.FEATURESDK_SLICED));
    assertEquals(List.of(), BenchmarkMain.check(reference, rocksDb));
  }

  @Test
  void theMergeHeavyVariantsAgree() throws Exception {
    assertTrue(BenchmarkMain.mergeHeavy(20_000));
  }

  @Test
  void theSketchGroupRunsNextToThePriceGroup() throws Exception {
    assertTrue(SketchAggregatesBenchmark.report(20_000, 3));
  }

  @Test
  void theGeneratedCodecAndReflectionWriteTheSameBytes() throws Exception {
    AvroEncodingBenchmark benchmark = new AvroEncodingBenchmark();
    benchmark.setUp();
    byte[][] both = benchmark.encodeBothOnce();
    assertArrayEquals(both[1], both[0]);
  }
}
