package io.featuresdk.runtime.window;

import static io.featuresdk.runtime.window.WindowHarnesses.tag;

import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.testing.Click;
import io.featuresdk.runtime.testing.ClickFeatures;
import io.featuresdk.runtime.testing.ClickInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * A random stream for the oracle tests of empty rows and allowed lateness: events in arrival
 * order, a watermark after every event that advances it ({@code newest - bound - 1}, as Flink's
 * bounded-out-of-orderness generator), keys active in phases so they go quiet for whole windows
 * and come back, and stragglers far behind the watermark.
 */
record ArrivalScenario(List<WindowSpec> windows, List<Click> events, long bound, long unit) {

  static ArrivalScenario random(Random random) {
    long unit = 100L * (1 + random.nextInt(3));
    Set<WindowSpec> windows = new HashSet<>();
    int count = 1 + random.nextInt(3);
    while (windows.size() < count) {
      long slide = unit * (1 + random.nextInt(3));
      windows.add(
          WindowSpec.sliding(Duration.ofMillis(slide * (1 + random.nextInt(4))), Duration.ofMillis(slide)));
    }
    int keys = 2 + random.nextInt(4);
    long bound = unit * random.nextInt(4);
    List<Click> events = new ArrayList<>();
    long time = -3_000 + random.nextInt(6_000);
    List<String> active = List.of("u0");
    for (int i = 0; i < 100 + random.nextInt(300); i++) {
      if (i % 40 == 0) {
        List<String> drawn = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
          if (random.nextBoolean()) {
            drawn.add("u" + k);
          }
        }
        active = drawn.isEmpty() ? List.of("u" + random.nextInt(keys)) : drawn;
      }
      time += random.nextInt((int) unit);
      long eventTime = time - (bound == 0 ? 0 : random.nextLong(bound + 1));
      if (random.nextInt(12) == 0) {
        eventTime = time - random.nextLong(20 * unit); // a straggler, often behind the watermark
      }
      events.add(new Click(active.get(random.nextInt(active.size())), eventTime, i + random.nextDouble()));
    }
    return new ArrivalScenario(List.copyOf(windows), events, bound, unit);
  }

  WindowSpec[] windowArray() {
    return windows.toArray(WindowSpec[]::new);
  }

  /** The watermark each event meets on arrival. */
  long[] watermarksAtArrival() {
    long[] at = new long[events.size()];
    long watermark = Long.MIN_VALUE;
    long newest = Long.MIN_VALUE;
    for (int i = 0; i < at.length; i++) {
      at[i] = watermark;
      newest = Math.max(newest, events.get(i).timeMillis);
      watermark = Math.max(watermark, newest - bound - 1);
    }
    return at;
  }

  /** The last watermark before the end of the input. */
  long lastRealWatermark() {
    return events.stream().mapToLong(e -> e.timeMillis).max().orElseThrow() - bound - 1;
  }

  /**
   * Feeds events {@code [from, to)}, each followed by the watermark when it advanced; the
   * generator has seen the events from {@code generatorStart} (a restored one starts from the
   * minimum again).
   */
  void feed(
      KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> harness,
      int from, int to, int generatorStart) throws Exception {
    long newest = Long.MIN_VALUE;
    long watermark = Long.MIN_VALUE;
    for (int i = generatorStart; i < to; i++) {
      Click event = events.get(i);
      newest = Math.max(newest, event.timeMillis);
      if (i < from) {
        continue;
      }
      harness.processElement(new StreamRecord<>(new ClickInput(event.user, event.amount), event.timeMillis));
      if (newest - bound - 1 > watermark) {
        watermark = newest - bound - 1;
        harness.processWatermark(watermark);
      }
    }
  }

  /** Per window and final kind, every row emitted so far, in emission order. */
  static Map<WindowSpec, Map<RowKind, List<ClickFeatures>>> emitted(
      KeyedOneInputStreamOperatorTestHarness<String, ClickInput, ClickFeatures> harness,
      List<WindowSpec> windows) {
    Map<WindowSpec, Map<RowKind, List<ClickFeatures>>> all = new TreeMap<>(ArrivalScenario::order);
    for (WindowSpec window : windows) {
      Map<RowKind, List<ClickFeatures>> byKind = new TreeMap<>();
      for (RowKind kind : RowKind.values()) {
        if (!kind.isFinal()) {
          continue; // provisional rows travel with their arrival time, on a stream of their own
        }
        List<ClickFeatures> rows = new ArrayList<>();
        var output = harness.getSideOutput(tag(WindowHarnesses.name(window), kind));
        if (output != null) {
          for (StreamRecord<ClickFeatures> record : output) {
            if (record.getValue().windowEnd - 1 != record.getTimestamp()) {
              throw new AssertionError("final row not stamped with its window end - 1: " + record);
            }
            rows.add(record.getValue());
          }
        }
        byKind.put(kind, rows);
      }
      all.put(window, byKind);
    }
    return all;
  }

  static int order(WindowSpec a, WindowSpec b) {
    return a.sizeMillis() != b.sizeMillis()
        ? Long.compare(a.sizeMillis(), b.sizeMillis())
        : Long.compare(a.slideMillis(), b.slideMillis());
  }
}
