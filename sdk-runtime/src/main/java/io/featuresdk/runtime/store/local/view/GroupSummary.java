package io.featuresdk.runtime.store.local.view;

import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.local.FeatureRows;
import io.featuresdk.runtime.store.local.LocalFeatureStoreReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.avro.generic.GenericRecord;

/**
 * What the store page says about one feature group: its registration, how many rows each side
 * holds, which keys it has and when its newest row ends.
 *
 * @param group the registered group
 * @param offlineRows rows in the offline store (one per primary key and event time)
 * @param onlineRows rows in the online store (one per primary key); 0 for an offline-only group
 * @param keys the primary keys ({@code ";"}-joined), sorted: the online ones for an online group,
 *     else the offline ones
 * @param newestEventTime the latest event time (window end) of any row, empty while there is none
 */
public record GroupSummary(
    FeatureGroupTarget group,
    long offlineRows,
    long onlineRows,
    List<String> keys,
    Optional<Instant> newestEventTime) {

  public GroupSummary {
    keys = List.copyOf(keys);
  }

  /** Reads the summary of {@code group} from {@code store}. */
  public static GroupSummary read(LocalFeatureStoreReader store, FeatureGroupTarget group) {
    List<GenericRecord> offline = store.readOffline(group.name(), group.version());
    if (group.online()) {
      Map<String, GenericRecord> online = store.readOnline(group.name(), group.version());
      List<GenericRecord> all = new ArrayList<>(offline);
      all.addAll(online.values());
      return new GroupSummary(group, offline.size(), online.size(), new ArrayList<>(online.keySet()),
          newest(all, group));
    }
    TreeSet<String> keys = new TreeSet<>();
    for (GenericRecord row : offline) {
      keys.add(String.join(";", group.primaryKey().stream().map(k -> String.valueOf(row.get(k))).toList()));
    }
    return new GroupSummary(group, offline.size(), 0, new ArrayList<>(keys), newest(offline, group));
  }

  private static Optional<Instant> newest(Collection<GenericRecord> rows, FeatureGroupTarget group) {
    return rows.stream()
        .map(row -> FeatureRows.instant(row, group.eventTimeFeature()))
        .filter(Objects::nonNull)
        .max(Instant::compareTo);
  }
}
