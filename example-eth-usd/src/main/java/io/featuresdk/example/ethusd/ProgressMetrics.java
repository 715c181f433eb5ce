package io.featuresdk.example.ethusd;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * A Flink metric reporter that only remembers the operator metrics of the embedded cluster of a
 * {@code java -jar} run, so that {@link ProgressSnapshot} can read them in the same JVM. Flink
 * creates reporters itself (through {@link Factory}, named in the run's configuration), hence the
 * shared registry. A metric removed when its task ends keeps its last value, so the last progress
 * line counts everything. A cluster started by {@code flink run} has its own reporters.
 */
public final class ProgressMetrics implements MetricReporter {
  private static final Map<String, Registered> METRICS = new ConcurrentHashMap<>();
  private static volatile String latestJob = "";

  /**
   * One metric as Flink registered it.
   *
   * @param operator the operator's name, e.g. {@code Source: coinbase ticker}
   * @param subtask the operator's subtask index
   * @param name the metric's name, e.g. {@code numRecordsOut}
   * @param value reads the metric: a counter's count, a gauge's value or a histogram's statistics
   */
  record Registered(String operator, String subtask, String name, ValueReader value) {}

  /** Reads a metric's current value; a number, or null when it has none. */
  @FunctionalInterface
  interface ValueReader {
    Object read();
  }

  /** The operator metrics of the latest job, live or as they were when their task ended. */
  static List<Registered> current() {
    String job = latestJob;
    return METRICS.entrySet().stream()
        .filter(entry -> entry.getKey().startsWith(job + "/"))
        .map(Map.Entry::getValue)
        .toList();
  }

  @Override
  public void open(MetricConfig config) {}

  @Override
  public void close() {}

  @Override
  public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
    Map<String, String> variables = group.getAllVariables();
    String operator = variables.get("<operator_name>");
    if (operator == null
        || !(metric instanceof Counter || metric instanceof Gauge || metric instanceof Histogram)) {
      return;
    }
    String job = variables.getOrDefault("<job_id>", "");
    latestJob = job;
    String subtask = variables.getOrDefault("<subtask_index>", "0");
    METRICS.put(key(job, group, name),
        new Registered(operator, subtask, name, live(metric)));
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
    String key = key(group.getAllVariables().getOrDefault("<job_id>", ""), group, name);
    Registered registered = METRICS.get(key);
    if (registered != null) {
      Object last = registered.value().read();
      METRICS.put(key, new Registered(registered.operator(), registered.subtask(), name, () -> last));
    }
  }

  private static String key(String job, MetricGroup group, String name) {
    return job + "/" + group.getMetricIdentifier(name);
  }

  private static ValueReader live(Metric metric) {
    if (metric instanceof Counter counter) {
      return counter::getCount;
    }
    if (metric instanceof Histogram histogram) {
      return histogram::getStatistics;
    }
    Gauge<?> gauge = (Gauge<?>) metric;
    return gauge::getValue;
  }

  /** Named in the configuration of {@code java -jar} runs; listed in META-INF/services. */
  public static final class Factory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new ProgressMetrics();
    }
  }
}
