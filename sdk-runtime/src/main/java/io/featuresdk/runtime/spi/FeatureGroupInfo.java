package io.featuresdk.runtime.spi;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * The metadata of an annotated feature class, as validated at compile time: everything the
 * runtime and the feature stores need besides the generated code paths.
 *
 * @param nameTemplate the group name, possibly containing {@code {window}}
 * @param version the group version, at least 1
 * @param description a human readable description, possibly empty
 * @param online whether the group is served from the online store
 * @param windows the declared windows, in declaration order
 * @param primaryKey the primary-key feature names, in key order
 * @param eventTimeFeature the feature holding the row's event time (the window end)
 * @param maxOutOfOrderness how far behind the newest event an event may arrive and still count
 */
public record FeatureGroupInfo(
    String nameTemplate,
    int version,
    String description,
    boolean online,
    List<WindowSpec> windows,
    List<String> primaryKey,
    String eventTimeFeature,
    Duration maxOutOfOrderness)
    implements Serializable {

  /** The placeholder in {@link #nameTemplate()} replaced by {@link WindowSpec#label()}. */
  public static final String WINDOW_PLACEHOLDER = "{window}";

  public FeatureGroupInfo {
    windows = List.copyOf(windows);
    primaryKey = List.copyOf(primaryKey);
  }

  /** The feature group name of one of this class's windows, e.g. {@code eth_usd_price_5m}. */
  public String groupName(WindowSpec window) {
    return nameTemplate.replace(WINDOW_PLACEHOLDER, window.label());
  }
}
