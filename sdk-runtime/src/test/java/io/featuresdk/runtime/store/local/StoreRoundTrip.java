package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.store.FeatureRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;

/**
 * What one job does with the store, run inside a user-code class loader by
 * {@link SessionClusterClassLoadersTest}: write a row online, read it back, close everything.
 * Returns the row read back as text.
 */
public final class StoreRoundTrip implements Function<String, String> {
  @Override
  public String apply(String root) {
    Path store = Path.of(root);
    try (SinkWriter<FeatureRecord> writer =
        new SqliteOnlineSink(store, PageVisits.group(), 200)
            .open(new UnregisteredMetricsGroup(), new TestProcessingTimeService())) {
      writer.write(PageVisits.record(PageVisits.row("a", "/", 60_000, 1, 2.0, true)), null);
      writer.flush(true);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    try (OnlineStoreReader reader = OnlineStoreReader.open(store)) {
      return reader.readOnline(PageVisits.NAME, 1, List.of("a", "/")).orElseThrow().toString();
    }
  }
}
