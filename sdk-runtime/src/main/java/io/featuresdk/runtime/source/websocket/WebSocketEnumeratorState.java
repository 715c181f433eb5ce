package io.featuresdk.runtime.source.websocket;

/**
 * Checkpointed state of the {@link WebSocketSplitEnumerator}: whether the connection split is still waiting for
 * a reader. Once assigned, the split lives in that reader's state and comes back through
 * {@code addSplitsBack} if the reader fails before a checkpoint.
 */
final class WebSocketEnumeratorState {

  private final boolean splitUnassigned;

  WebSocketEnumeratorState(boolean splitUnassigned) {
    this.splitUnassigned = splitUnassigned;
  }

  boolean splitUnassigned() {
    return splitUnassigned;
  }
}
