package io.featuresdk.runtime.source.websocket;

/** Stops and restarts reading from one connection's socket (Netty {@code autoRead}). Thread-safe. */
interface ReadControl {
  void pauseReading();

  void resumeReading();

  /** For connections whose socket cannot be paused (never the case with async-http-client, kept for tests). */
  ReadControl NONE = new ReadControl() {
    @Override
    public void pauseReading() {}

    @Override
    public void resumeReading() {}
  };
}
