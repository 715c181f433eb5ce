package io.featuresdk.runtime.recovery;

import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The restart strategy of a feature job: Flink's {@code exponential-delay} with a cap on attempts.
 * Without one, a checkpointed Flink job restarts forever, so a fatal cause that is not classified
 * as such would loop silently.
 *
 * <p>After a failure the job restarts after {@link #initialBackoff()}, each further consecutive
 * failure doubles the delay up to {@link #maxBackoff()}; after {@link #attempts()} restarts the job
 * fails with the last cause. A job that then runs for {@link #resetAfter()} without failing starts
 * counting afresh. Fatal failures ({@link FailureClassifier#isFatal}) are never restarted.
 *
 * <pre>{@code
 * BoundedRestarts.defaults().applyTo(env);      // 1 s, 2 s, 4 s ... 30 s; at most 8 restarts
 * }</pre>
 */
public final class BoundedRestarts {
  private static final double MULTIPLIER = 2.0;
  private static final double JITTER = 0.1;

  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final int attempts;
  private final Duration resetAfter;

  private BoundedRestarts(Duration initialBackoff, Duration maxBackoff, int attempts, Duration resetAfter) {
    if (initialBackoff.isNegative() || initialBackoff.compareTo(maxBackoff) > 0) {
      throw new IllegalArgumentException(
          "restart backoff must be between 0 and the maximum " + maxBackoff + ", got " + initialBackoff);
    }
    if (attempts < 0) {
      throw new IllegalArgumentException("restart attempts must not be negative, got " + attempts);
    }
    if (resetAfter.isNegative() || resetAfter.isZero()) {
      throw new IllegalArgumentException("the reset threshold must be positive, got " + resetAfter);
    }
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.attempts = attempts;
    this.resetAfter = resetAfter;
  }

  /**
   * 1 s, doubling up to 30 s, at most 8 consecutive restarts (about two minutes of retrying in all),
   * counted afresh after 10 minutes without a failure.
   */
  public static BoundedRestarts defaults() {
    return new BoundedRestarts(Duration.ofSeconds(1), Duration.ofSeconds(30), 8, Duration.ofMinutes(10));
  }

  /** These restarts with at most {@code attempts} consecutive restarts. */
  public BoundedRestarts withAttempts(int attempts) {
    return new BoundedRestarts(initialBackoff, maxBackoff, attempts, resetAfter);
  }

  /** These restarts with the given first and largest delay. */
  public BoundedRestarts withBackoff(Duration initial, Duration max) {
    return new BoundedRestarts(initial, max, attempts, resetAfter);
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public int attempts() {
    return attempts;
  }

  public Duration resetAfter() {
    return resetAfter;
  }

  /** Flink's configuration of this strategy. */
  public Configuration toConfiguration() {
    Configuration configuration = new Configuration();
    configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
    configuration.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, initialBackoff);
    configuration.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, maxBackoff);
    configuration.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, MULTIPLIER);
    configuration.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR, JITTER);
    configuration.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, attempts);
    configuration.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD, resetAfter);
    return configuration;
  }

  /** Sets this strategy on {@code env}'s jobs. */
  public void applyTo(StreamExecutionEnvironment env) {
    env.configure(toConfiguration());
  }

  /** For a console line, e.g. "at most 8 restarts, 1s to 30s apart". */
  @Override
  public String toString() {
    return "at most " + attempts + " restarts in a row, " + seconds(initialBackoff) + " to "
        + seconds(maxBackoff) + " apart (counted afresh after " + resetAfter.toMinutes() + " min without failure)";
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
  }
}
