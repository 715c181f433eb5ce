package io.featuresdk.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import io.featuresdk.runtime.flink.WriterInitContextSink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Hands every record to a list in this JVM (the MiniCluster runs in it), or only counts them. The
 * list is converted and compared after the job, outside the measured time.
 */
final class CollectingSink<T> extends WriterInitContextSink<T> {
  private static final long serialVersionUID = 1L;
  private static final Map<String, List<Object>> RESULTS = new ConcurrentHashMap<>();
  private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

  private final String name;
  private final boolean keep;

  private CollectingSink(String name, boolean keep) {
    this.name = name;
    this.keep = keep;
  }

  static <T> CollectingSink<T> collecting(String name) {
    RESULTS.put(name, new ArrayList<>());
    return new CollectingSink<>(name, true);
  }

  static <T> CollectingSink<T> counting(String name) {
    COUNTS.put(name, new AtomicLong());
    return new CollectingSink<>(name, false);
  }

  @SuppressWarnings("unchecked")
  static <T> List<T> take(String name) {
    return (List<T>) RESULTS.remove(name);
  }

  static long count(String name) {
    return COUNTS.remove(name).get();
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return new Writer();
  }

  private final class Writer implements SinkWriter<T> {
    private final List<Object> target = keep ? RESULTS.get(name) : null;
    private long count;

    @Override
    public void write(T element, Context context) {
      if (keep) {
        synchronized (target) {
          target.add(element);
        }
      } else {
        count++;
      }
    }

    @Override
    public void flush(boolean endOfInput) {}

    @Override
    public void close() {
      if (!keep) {
        COUNTS.get(name).addAndGet(count);
      }
    }
  }
}
