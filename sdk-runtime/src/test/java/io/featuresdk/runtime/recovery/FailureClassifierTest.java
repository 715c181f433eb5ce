package io.featuresdk.runtime.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.source.websocket.FatalMessageException;
import java.io.IOException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.client.JobExecutionException;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.apache.flink.util.FlinkRuntimeException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

  private static JobExecutionException asTheJobResultWraps(Throwable taskFailure) {
    return new JobExecutionException(new JobID(), "Job execution failed.",
        new FlinkRuntimeException("Recovery is suppressed by NoRestartBackoffTimeStrategy", taskFailure));
  }

  @Test
  void aFatalPipelineExceptionIsFatalHoweverDeepItIsWrapped() {
    Throwable failure = asTheJobResultWraps(new RuntimeException("in operator",
        new FatalPipelineException("--record /x: cannot write there; choose a directory you can write")));

    assertTrue(FailureClassifier.isFatal(failure));
    assertEquals("--record /x: cannot write there; choose a directory you can write",
        FailureClassifier.oneLine(failure));
  }

  @Test
  void aRejectedSubscriptionIsFatalAndItsLineKeepsTheContextTheSourceAdded() {
    FatalMessageException rejected = new FatalMessageException("Failed to subscribe: XYZ-USD is not a valid product");
    Throwable failure = asTheJobResultWraps(
        new FlinkRuntimeException("WebSocket source ws://127.0.0.1:1 stopped: " + rejected.getMessage(), rejected));

    assertTrue(FailureClassifier.isFatal(failure));
    assertEquals("WebSocket source ws://127.0.0.1:1 stopped: Failed to subscribe: XYZ-USD is not a valid product",
        FailureClassifier.oneLine(failure));
  }

  @Test
  void flinksOwnSuppressRestartsExceptionIsFatal() {
    assertTrue(FailureClassifier.isFatal(asTheJobResultWraps(new SuppressRestartsException(new IOException("x")))));
  }

  @Test
  void aDroppedConnectionIsTransientAndDescribedByItsRootCause() {
    Throwable failure = asTheJobResultWraps(new IOException("Connection reset by peer"));

    assertFalse(FailureClassifier.isFatal(failure));
    assertEquals("Connection reset by peer", FailureClassifier.oneLine(failure));
  }

  @Test
  void aCauseWithoutMessageIsNamedByItsType() {
    assertEquals("IOException", FailureClassifier.oneLine(asTheJobResultWraps(new IOException())));
  }

  @Test
  void theLineIsOneLineEvenForAMultiLineMessage() {
    assertEquals("first", FailureClassifier.oneLine(new IOException("first\nsecond")));
  }
}
