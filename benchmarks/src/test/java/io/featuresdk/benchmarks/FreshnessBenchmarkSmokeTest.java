package io.featuresdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A short run of the freshness benchmark: the writer job and the reader JVM start, and the reader
 * sees provisional rows change while the job runs. No timing is asserted.
 */
class FreshnessBenchmarkSmokeTest {
  @Test
  void theReaderJvmSeesRowsChangeWhileTheJobWrites() throws Exception {
    FreshnessBenchmark.Measurement measurement = FreshnessBenchmark.measure(200, 2, 1);

    assertTrue(measurement.changes() > 0, "no change observed: " + measurement);
    assertTrue(measurement.lookups() > measurement.changes(), measurement.toString());
  }
}
