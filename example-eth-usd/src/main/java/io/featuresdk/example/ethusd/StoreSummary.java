package io.featuresdk.example.ethusd;

import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.local.LocalFeatureStoreReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** Prints where the features are and the latest rows of each group, once the job is done. */
final class StoreSummary {
  private static final int ROWS_SHOWN = 3;

  private StoreSummary() {}

  static void print(Path store, PrintStream out) {
    out.printf("%nFeatures are in the local feature store %s%n", store.toAbsolutePath());
    try (LocalFeatureStoreReader reader = LocalFeatureStoreReader.open(store)) {
      for (FeatureGroupTarget group : reader.groups()) {
        List<PriceFeatures> rows =
            reader.readOffline(group.name(), group.version(), PriceFeatures_FeatureGroup.instance().codec());
        out.printf(
            "%n%s v%d: %d offline rows, %d online keys; latest rows:%n",
            group.name(), group.version(), rows.size(),
            reader.countOnline(group.name(), group.version()));
        rows.stream()
            .sorted(Comparator.comparing(PriceFeatures::getTimestamp).reversed())
            .limit(ROWS_SHOWN)
            .forEach(row -> out.println("  " + row));
      }
    }
    out.printf(
        "%nRead them again with: java -cp <this jar> io.featuresdk.runtime.store.local.LocalStoreCli %s%n",
        store);
  }
}
