package io.featuresdk.runtime.flink;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.RestoreMode;

/**
 * Sets the restore mode in which the job takes ownership of the checkpoint it restores from (Flink 1.20 flavour: the enum is {@code RestoreMode}, which Flink 2 renamed {@code RecoveryClaimMode};
 * the root README's "Flink versions").
 *
 * <p>Internal to featuresdk.
 */
public final class ClaimMode {
  private ClaimMode() {}

  /** Makes a job configured with {@code configuration} claim the checkpoint it restores from. */
  public static void claim(Configuration configuration) {
    configuration.set(StateRecoveryOptions.RESTORE_MODE, RestoreMode.CLAIM);
  }
}
