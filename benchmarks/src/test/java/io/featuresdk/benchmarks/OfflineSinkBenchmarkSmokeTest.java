package io.featuresdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Both offline writers run a tiny job and write what they must. No timing is asserted. */
class OfflineSinkBenchmarkSmokeTest {

  @Test
  void bothWritersRun() throws Exception {
    for (OfflineSinkBenchmark.Variant variant : OfflineSinkBenchmark.Variant.values()) {
      assertTrue(OfflineSinkBenchmark.run(variant, 20_000) > 0, variant.title);
    }
  }
}
