package io.featuresdk.example.ethusd;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data others recorded, in {@code ../shared/fixtures/} beside the clone: the build passes the shared
 * directory as system property {@code featuresdk.shared.dir}. Tests read it in place rather than from copies, so
 * a fixture cannot drift from the one the facts were checked against.
 */
public final class SharedFixtures {

  private SharedFixtures() {}

  /** The fixture directory {@code name} (e.g. {@code coinbase}, {@code hopsworks}); fails naming the fix. */
  public static Path directory(String name) {
    String shared = System.getProperty("featuresdk.shared.dir");
    Path dir = shared == null ? null : Path.of(shared, "fixtures", name);
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IllegalStateException("The shared fixtures are not at " + dir + ": check out the shared "
          + "directory beside the clone (../shared) or run with -Dfeaturesdk.shared.dir=DIR");
    }
    return dir;
  }
}
