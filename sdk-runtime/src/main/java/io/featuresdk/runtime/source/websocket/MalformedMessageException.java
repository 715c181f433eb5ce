package io.featuresdk.runtime.source.websocket;

import java.util.Objects;

/**
 * A message that could not be parsed. The source skips it, counts it in the metric
 * {@code parseErrors.<kind>} and logs the first occurrence of each kind (with a truncated excerpt of the
 * payload); later ones of the same kind are logged at DEBUG only.
 *
 * <p>{@code kind} should be a short, stable, low-cardinality label such as {@code invalid_json} or
 * {@code missing_field}: it becomes a metric name. Never put message content into it.
 */
public class MalformedMessageException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String kind;

  public MalformedMessageException(String kind, String message) {
    this(kind, message, null);
  }

  public MalformedMessageException(String kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** The low-cardinality category of the problem, used as metric name. */
  public String kind() {
    return kind;
  }
}
