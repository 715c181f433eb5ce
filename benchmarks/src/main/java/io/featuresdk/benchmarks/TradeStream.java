package io.featuresdk.benchmarks;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The deterministic event stream every variant reads: event {@code i} belongs to key
 * {@code i % keys}, happens at {@code start + i * stepMillis} (in order, so no variant drops an
 * event as late) and carries a price and size derived from {@code i} alone.
 */
final class TradeStream {
  /** 2026-01-01T00:00:00Z, a whole hour, so all variants see the same first windows. */
  static final long START_MILLIS = 1_767_225_600_000L;

  private TradeStream() {}

  static DataStream<Trade> create(
      StreamExecutionEnvironment env, long events, int keys, long stepMillis) {
    return env.fromSequence(0, events - 1)
        .map(new ToTrade(keys, stepMillis), TypeInformation.of(Trade.class))
        .name("generated trades");
  }

  static String key(int k) {
    return String.format("K%04d", k);
  }

  static Trade trade(long i, int keys, long stepMillis, String[] names) {
    long mix = i * 0x9E3779B97F4A7C15L;
    double price = 2_000 + 50 * Math.sin(i * 1e-4) + ((mix >>> 40) % 1_000) / 100.0;
    double size = 0.001 + ((mix >>> 20) % 10_000) / 1_000.0;
    return new Trade(names[(int) (i % keys)], START_MILLIS + i * stepMillis, price, size);
  }

  private static final class ToTrade implements MapFunction<Long, Trade> {
    private static final long serialVersionUID = 1L;
    private final int keys;
    private final long stepMillis;
    private transient String[] names;

    ToTrade(int keys, long stepMillis) {
      this.keys = keys;
      this.stepMillis = stepMillis;
    }

    @Override
    public Trade map(Long i) {
      if (names == null) {
        names = new String[keys];
        for (int k = 0; k < keys; k++) {
          names[k] = key(k);
        }
      }
      return trade(i, keys, stepMillis, names);
    }
  }
}
