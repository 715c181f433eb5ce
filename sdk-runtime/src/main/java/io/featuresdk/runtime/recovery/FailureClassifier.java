package io.featuresdk.runtime.recovery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.runtime.throwable.ThrowableClassifier;
import org.apache.flink.runtime.throwable.ThrowableType;

/**
 * Tells fatal failures from transient ones the way Flink's scheduler does, and turns either into
 * the one line a person needs.
 *
 * <p>A failure is fatal when a throwable in its cause chain is classified as non-recoverable
 * ({@link FatalPipelineException}, or any exception annotated with
 * {@code @ThrowableAnnotation(ThrowableType.NonRecoverableError)} such as Flink's
 * {@code SuppressRestartsException}): Flink then fails the job instead of restarting it.
 */
public final class FailureClassifier {
  private FailureClassifier() {}

  /** Whether no restart can fix {@code failure}. */
  public static boolean isFatal(Throwable failure) {
    return fatalCause(failure).isPresent();
  }

  /** The throwable in {@code failure}'s cause chain that makes it fatal, if any. */
  public static Optional<Throwable> fatalCause(Throwable failure) {
    return ThrowableClassifier.findThrowableOfThrowableType(failure, ThrowableType.NonRecoverableError);
  }

  /**
   * One line describing {@code failure}: the message of its fatal cause, or else of its root cause,
   * taken from the outermost exception that repeats that message (wrappers often add where it
   * happened, e.g. {@code "WebSocket source ws://... stopped: <cause>"}), never a stack trace.
   */
  public static String oneLine(Throwable failure) {
    List<Throwable> chain = chain(failure);
    Throwable cause = fatalCause(failure).orElse(chain.get(chain.size() - 1));
    String message = cause.getMessage();
    if (message == null || message.isBlank()) {
      return cause.getClass().getSimpleName();
    }
    for (Throwable outer : chain) {
      if (outer == cause) {
        break;
      }
      if (outer.getMessage() != null && outer.getMessage().contains(message)) {
        return firstLine(outer.getMessage());
      }
    }
    return firstLine(message);
  }

  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
