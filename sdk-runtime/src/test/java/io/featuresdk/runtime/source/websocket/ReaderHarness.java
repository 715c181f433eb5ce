package io.featuresdk.runtime.source.websocket;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;

/** Drives a {@link WebSocketSourceReader} directly, without a Flink task: context, output, polling. */
final class ReaderHarness {

  private ReaderHarness() {}

  static WebSocketSourceConfig boundedConfig(URI uri, String subscribe) {
    return new WebSocketSourceConfig(uri, List.of(subscribe), Boundedness.BOUNDED, 10_000,
        new ReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200)), Duration.ofSeconds(10), 64 * 1024,
        Duration.ZERO);
  }

  /** One poll; when nothing is available, waits (at most 10 s) until the reader says something is. */
  static InputStatus pollOnce(WebSocketSourceReader<String> reader, CollectingOutput output) throws Exception {
    InputStatus status = reader.pollNext(output);
    if (status == InputStatus.NOTHING_AVAILABLE) {
      reader.isAvailable().get(10, TimeUnit.SECONDS);
    }
    return status;
  }

  static final class CollectingOutput implements ReaderOutput<String> {
    final List<String> records = new ArrayList<>();

    @Override
    public void collect(String record) {
      records.add(record);
    }

    @Override
    public void collect(String record, long timestamp) {
      records.add(record);
    }

    @Override
    public void emitWatermark(Watermark watermark) {}

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}

    @Override
    public SourceOutput<String> createOutputForSplit(String splitId) {
      return this;
    }

    @Override
    public void releaseOutputForSplit(String splitId) {}
  }

  static final class Context implements SourceReaderContext {
    @Override
    public SourceReaderMetricGroup metricGroup() {
      return UnregisteredMetricsGroup.createSourceReaderMetricGroup();
    }

    @Override
    public Configuration getConfiguration() {
      return new Configuration();
    }

    @Override
    public String getLocalHostName() {
      return "localhost";
    }

    @Override
    public int getIndexOfSubtask() {
      return 0;
    }

    @Override
    public void sendSplitRequest() {}

    @Override
    public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {}

    @Override
    public UserCodeClassLoader getUserCodeClassLoader() {
      return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
    }
  }
}
