package io.featuresdk.runtime;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness watermarks (same values as Flink's {@code BoundedOutOfOrdernessWatermarks})
 * emitted as soon as an event advances them, not only on the periodic timer. Makes event time
 * progress deterministic for a given event order, at the price of one watermark per advancing event.
 */
final class PerEventBoundedOutOfOrderness<E> implements WatermarkGenerator<E> {
  private final long boundMillis;
  private long maxTimestamp;
  private long lastEmitted = Long.MIN_VALUE;

  PerEventBoundedOutOfOrderness(Duration bound) {
    this.boundMillis = bound.toMillis();
    this.maxTimestamp = Long.MIN_VALUE + boundMillis + 1;
  }

  @Override
  public void onEvent(E event, long eventTimestamp, WatermarkOutput output) {
    if (eventTimestamp > maxTimestamp) {
      maxTimestamp = eventTimestamp;
      emit(output);
    }
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    emit(output);
  }

  private void emit(WatermarkOutput output) {
    long watermark = maxTimestamp - boundMillis - 1;
    if (watermark > lastEmitted) {
      lastEmitted = watermark;
      output.emitWatermark(new Watermark(watermark));
    }
  }
}
