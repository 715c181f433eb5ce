package io.featuresdk.runtime.source.websocket;

import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands the one connection split to the first reader that asks for it; every other reader is told that there
 * are no more splits, so with parallelism &gt; 1 exactly one subtask holds the connection and the others finish.
 * A split returned by a failed reader goes to the next reader that asks.
 */
final class WebSocketSplitEnumerator implements SplitEnumerator<WebSocketSplit, WebSocketEnumeratorState> {

  private final SplitEnumeratorContext<WebSocketSplit> context;
  private WebSocketSplit unassigned;

  WebSocketSplitEnumerator(SplitEnumeratorContext<WebSocketSplit> context, boolean splitUnassigned) {
    this.context = context;
    this.unassigned = splitUnassigned ? WebSocketSplit.single() : null;
  }

  @Override
  public void start() {}

  @Override
  public void handleSplitRequest(int subtaskId, String requesterHostname) {
    if (unassigned != null) {
      context.assignSplit(unassigned, subtaskId);
      unassigned = null;
    }
    // Either way this reader gets nothing further: the source has exactly one split.
    context.signalNoMoreSplits(subtaskId);
  }

  @Override
  public void addSplitsBack(List<WebSocketSplit> splits, int subtaskId) {
    if (!splits.isEmpty()) {
      unassigned = splits.get(0);
    }
  }

  @Override
  public void addReader(int subtaskId) {
    // Readers ask for their split themselves (pull), which also covers readers restarted after a failure.
  }

  @Override
  public WebSocketEnumeratorState snapshotState(long checkpointId) {
    return new WebSocketEnumeratorState(unassigned != null);
  }

  @Override
  public void close() {}
}
