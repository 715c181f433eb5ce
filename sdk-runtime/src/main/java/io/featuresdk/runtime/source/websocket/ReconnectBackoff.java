package io.featuresdk.runtime.source.websocket;

import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with full jitter: attempt {@code n} (from 1) waits a uniformly random time in
 * {@code [0, min(max, initial * 2^(n-1))]}, so that many clients dropped by the same server outage do not
 * reconnect in lock step.
 */
final class ReconnectBackoff implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Duration initial;
  private final Duration max;

  ReconnectBackoff(Duration initial, Duration max) {
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial reconnect delay must be positive, was " + initial);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max reconnect delay " + max + " is below the initial delay " + initial);
    }
    this.initial = initial;
    this.max = max;
  }

  /** The upper bound of the delay before attempt {@code attempt} (1-based). */
  Duration ceiling(int attempt) {
    int doublings = Math.min(Math.max(attempt - 1, 0), 30);
    long nanos = initial.toNanos();
    long capped = nanos > (max.toNanos() >> doublings) ? max.toNanos() : nanos << doublings;
    return Duration.ofNanos(Math.min(capped, max.toNanos()));
  }

  /** A random delay in {@code [0, ceiling(attempt)]}. */
  Duration delay(int attempt) {
    long ceiling = ceiling(attempt).toNanos();
    return Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1));
  }
}
