package io.featuresdk.runtime.recovery;

import org.apache.flink.runtime.throwable.ThrowableAnnotation;
import org.apache.flink.runtime.throwable.ThrowableType;

/**
 * A failure that restarting cannot fix: the same input or setting would fail again. Flink does not
 * restart a job whose failure has this exception anywhere in its cause chain (it is classified as a
 * non-recoverable error), however it is wrapped, so the job ends at once.
 *
 * <p>The message is what a person reads: the cause and the flag or setting to change, for example
 * {@code "--record /data/rec: not writable (Permission denied); choose a directory you can write"}.
 */
@ThrowableAnnotation(ThrowableType.NonRecoverableError)
public class FatalPipelineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A fatal failure described by {@code message}. */
  public FatalPipelineException(String message) {
    super(message);
  }

  /** A fatal failure described by {@code message}, caused by {@code cause}. */
  public FatalPipelineException(String message, Throwable cause) {
    super(message, cause);
  }
}
