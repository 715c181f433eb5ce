package io.featuresdk.runtime.store.hopsworks;

/**
 * A Hopsworks configuration or metadata problem found before the job starts. Messages say what is
 * wrong and how to fix it, and never contain the API key.
 */
public final class HopsworksException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HopsworksException(String message) {
    super(message);
  }

  public HopsworksException(String message, Throwable cause) {
    super(message, cause);
  }
}
