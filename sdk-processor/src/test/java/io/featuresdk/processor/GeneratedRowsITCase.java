package io.featuresdk.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import io.featuresdk.runtime.FeaturePipeline;
import io.featuresdk.runtime.FeatureStreams;
import io.featuresdk.runtime.spi.FeatureGroupDefinition;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.window.RowKind;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code rows(window)} of a freshly compiled feature class written like the README's example
 * (package-private fields, no setters, an {@code Instant}) in a local MiniCluster with Kryo
 * disabled ({@code pipeline.generic-types: false}) and without {@code --add-opens}, and compares the typed
 * rows of both windows with a brute-force oracle over the raw events. The generated classes reach
 * the job through {@code pipeline.classpaths}, as a user's jar would.
 */
class GeneratedRowsITCase {
  private static final long SIZE = 10_000;
  private static final long SLIDE = 5_000;

  @TempDir Path classes;

  /** One payment as the test sees it. */
  private record Pay(String card, double amount, Double tip, long timeMillis) {}

  /** What a row must hold, computed from the events alone. */
  private record Expected(long payments, double spend, Double maxTip) {}

  @Test
  void typedRowsOfAPackagePrivateRowClassRunWithKryoDisabledAndMatchTheOracle() throws Exception {
    Compilation compilation =
        FeatureGroupProcessorTest.compile("good/Payment.java", "good/CardSpend.java");
    assertThat(compilation).succeededWithoutWarnings();
    CompiledClasses.writeTo(compilation, classes);
    List<Pay> events = events();

    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      @SuppressWarnings("unchecked")
      FeatureGroupDefinition<Object, ?, ?, ?, Object> definition =
          (FeatureGroupDefinition<Object, ?, ?, ?, Object>) loader
              .loadClass("test.CardSpend_FeatureGroup").getMethod("instance").invoke(null);
      Configuration config = new Configuration();
      config.set(PipelineOptions.CLASSPATHS, List.of(classes.toUri().toURL().toString()));
      config.set(PipelineOptions.GENERIC_TYPES, false);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, config);

      Class<?> paymentClass = loader.loadClass("test.Payment");
      List<Object> payments = new ArrayList<>();
      for (Pay pay : events) {
        payments.add(payment(paymentClass, pay));
      }
      @SuppressWarnings("unchecked")
      DataStream<Object> source =
          env.fromData(payments, (TypeInformation<Object>) TypeInformation.of(paymentClass));
      FeatureStreams<Object> streams = FeaturePipeline.of(definition).from(source);
      List<WindowSpec> windows = streams.windows();
      assertEquals(List.of("card_spend_10s", "card_spend_10s_tumbling"),
          windows.stream().map(streams::groupName).toList(), "each window renders its own name");

      List<CloseableIterator<Object>> results = new ArrayList<>();
      for (WindowSpec window : windows) {
        // both kinds: this checks emission and serialization, not completeness
        results.add(
            streams.rows(window, RowKind.COMPLETE)
                .union(streams.rows(window, RowKind.TRUNCATED))
                .collectAsync());
      }
      env.execute("typed rows");
      for (int i = 0; i < windows.size(); i++) {
        Map<String, Expected> actual = new TreeMap<>();
        try (CloseableIterator<Object> rows = results.get(i)) {
          rows.forEachRemaining(row -> actual.put(key(row), expected(row)));
        }
        assertEquals(oracle(events, windows.get(i)), actual, streams.groupName(windows.get(i)));
      }
    }
  }

  /** Three cards over a minute, in time order (so none is late), some tips missing. */
  private static List<Pay> events() {
    Random random = new Random(11);
    List<Pay> events = new ArrayList<>();
    long time = 1_700_000_000_000L;
    for (int i = 0; i < 300; i++) {
      time += random.nextInt(400);
      events.add(new Pay("card" + random.nextInt(3), random.nextInt(10_000) / 100.0,
          random.nextInt(3) == 0 ? null : (double) random.nextInt(500), time));
    }
    return events;
  }

  /** Every non-empty (card, window end) of {@code window}, by brute force over the events. */
  private static Map<String, Expected> oracle(List<Pay> events, WindowSpec window) {
    Map<String, Expected> rows = new TreeMap<>();
    long first = Math.floorDiv(events.get(0).timeMillis(), window.slideMillis())
        * window.slideMillis();
    long last = events.get(events.size() - 1).timeMillis() + window.sizeMillis();
    for (long end = first; end <= last; end += window.slideMillis()) {
      long start = end - window.sizeMillis();
      for (String card : List.of("card0", "card1", "card2")) {
        long count = 0;
        double spend = 0;
        Double maxTip = null;
        for (Pay pay : events) {
          if (pay.card().equals(card) && pay.timeMillis() >= start && pay.timeMillis() < end) {
            count++;
            spend += pay.amount();
            if (pay.tip() != null) {
              maxTip = maxTip == null ? pay.tip() : Math.max(maxTip, pay.tip());
            }
          }
        }
        if (count > 0) {
          rows.put(card + "@" + end, new Expected(count, round(spend), maxTip));
        }
      }
    }
    return rows;
  }

  private static double round(double value) {
    return Math.round(value * 1e6) / 1e6;
  }

  private static String key(Object row) {
    return get(row, "card") + "@" + ((Instant) get(row, "windowEnd")).toEpochMilli();
  }

  private static Expected expected(Object row) {
    return new Expected((long) get(row, "payments"), round((double) get(row, "spend")),
        (Double) get(row, "maxTip"));
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

  private static Object payment(Class<?> type, Pay pay) throws ReflectiveOperationException {
    Object payment = type.getConstructor().newInstance();
    type.getField("card").set(payment, pay.card());
    type.getField("amount").set(payment, pay.amount());
    type.getField("tip").set(payment, pay.tip());
    type.getField("timeMillis").set(payment, pay.timeMillis());
    return payment;
  }
}
