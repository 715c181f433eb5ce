package io.featuresdk.runtime.store.local;

import java.nio.file.Path;

/**
 * Where the local store keeps what: {@code <root>/offline/<group>/v<version>/} for the Avro
 * container files (named by {@link OfflineFiles}) and {@code <root>/online.db} (SQLite) for the
 * online rows and the group catalog.
 */
final class StoreLayout {
  static final String ONLINE_DB = "online.db";
  static final String OFFLINE_DIR = "offline";

  private StoreLayout() {}

  static Path onlineDb(Path root) {
    return root.resolve(ONLINE_DB);
  }

  static Path offlineDir(Path root, String group, int version) {
    return root.resolve(OFFLINE_DIR).resolve(group).resolve("v" + version);
  }

  /** The online table of a group; safe to splice into SQL because group names are [a-z0-9_]. */
  static String onlineTable(String group, int version) {
    return "fg_" + group + "_v" + version;
  }
}
