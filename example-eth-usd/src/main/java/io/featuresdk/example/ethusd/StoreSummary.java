package io.featuresdk.example.ethusd;

import io.featuresdk.runtime.spi.FeatureGroupInfo;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.local.LocalFeatureStoreReader;
import io.featuresdk.runtime.store.local.LocalStoreCli;
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
    FeatureGroupInfo info = PriceFeatures_FeatureGroup.instance().info();
    try (LocalFeatureStoreReader reader = LocalFeatureStoreReader.open(store)) {
      for (WindowSpec window : info.windows()) {
        String group = info.groupName(window);
        List<PriceFeatures> rows =
            reader.readOffline(group, info.version(), PriceFeatures_FeatureGroup.instance().codec());
        out.printf(
            "%n%s v%d (%s): %d offline rows, %d online rows; latest windows:%n",
            group, info.version(), window, rows.size(), reader.countOnline(group, info.version()));
        rows.stream()
            .sorted(Comparator.comparing(PriceFeatures::getTimestamp).reversed())
            .limit(ROWS_SHOWN)
            .forEach(row -> out.println("  " + row));
      }
    }
    out.printf(
        "%nRead them again with: java -cp %s %s %s [--group NAME] [--online]%n",
        jarPath(), LocalStoreCli.class.getName(), store);
  }

  private static String jarPath() {
    try {
      return Path.of(StoreSummary.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (Exception e) {
      return "<example jar>";
    }
  }
}
