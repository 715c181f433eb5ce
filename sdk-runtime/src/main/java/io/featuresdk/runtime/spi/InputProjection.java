package io.featuresdk.runtime.spi;

import java.io.Serializable;

/**
 * Reads a source event: its event time, and the compact input record that carries only what the
 * aggregation needs (keys, event time, aggregated fields). Projecting before {@code keyBy} keeps
 * the shuffled records small and serialized by generated code instead of reflection.
 *
 * @param <E> the source event type
 * @param <I> the generated input record type
 */
public interface InputProjection<E, I> extends Serializable {

  /** The event time of {@code event} in epoch milliseconds. */
  long eventTimeMillis(E event);

  /** The input record for {@code event}. */
  I project(E event);
}
