package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.recovery.BoundedRestarts;
import io.featuresdk.runtime.source.websocket.FatalMessageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.client.JobExecutionException;
import org.apache.flink.util.FlinkRuntimeException;
import org.junit.jupiter.api.Test;

/** What the example's main prints and returns, in process (no job is started). */
class CommandLineTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return EthUsdFeaturePipeline.run(args,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void anUnknownOptionIsOneErrorLineAndExitCodeOne() {
    assertEquals(1, run("--bogus"));
    assertEquals("error: unknown option --bogus (--help lists the options)\n", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpListsTheResumeOptionsAndSucceeds() {
    assertEquals(0, run("--help"));
    String usage = out.toString(StandardCharsets.UTF_8);
    assertTrue(usage.contains("--checkpoints") && usage.contains("--fresh") && usage.contains("--checkpoint-interval"),
        usage);
  }

  @Test
  void aJobWhoseRestartsAreUsedUpSaysSoWithTheCause() {
    JobExecutionException failure = new JobExecutionException(new JobID(), "Job execution failed.",
        new FlinkRuntimeException("Recovery is suppressed", new IOException("Connection refused")));

    assertEquals("the job failed after its restarts were used up (" + BoundedRestarts.defaults()
        + "): Connection refused", EthUsdFeaturePipeline.describe(failure));
  }

  @Test
  void aFeedErrorReplyNamesTheProductsFlag() {
    FatalMessageException reply = new FatalMessageException("Failed to subscribe: XYZ-USD is not a valid product");
    JobExecutionException failure = new JobExecutionException(new JobID(), "Job execution failed.",
        new FlinkRuntimeException("WebSocket source ws://x stopped: " + reply.getMessage(), reply));

    assertEquals("WebSocket source ws://x stopped: Failed to subscribe: XYZ-USD is not a valid product; check --products",
        EthUsdFeaturePipeline.describe(failure));
  }
}
