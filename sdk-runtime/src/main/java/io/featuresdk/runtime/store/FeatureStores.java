package io.featuresdk.runtime.store;

import io.featuresdk.runtime.store.local.LocalFeatureStore;
import java.nio.file.Path;

/** Factories of the bundled {@link FeatureStore}s. */
public final class FeatureStores {
  private FeatureStores() {}

  /**
   * The embedded store under {@code root}: offline Avro files and an online SQLite database, no
   * servers. Read it back with {@link io.featuresdk.runtime.store.local.LocalFeatureStoreReader}
   * or the {@link io.featuresdk.runtime.store.local.LocalStoreCli}.
   */
  public static LocalFeatureStore local(Path root) {
    return new LocalFeatureStore(root);
  }
}
