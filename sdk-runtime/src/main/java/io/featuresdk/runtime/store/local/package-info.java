/**
 * The embedded local feature store: Avro container files for offline rows (one row per primary key
 * and event time, the latest write, committed at checkpoints) and a SQLite database in WAL mode for
 * the latest row per primary key, one typed column per key part and feature, written within a flush
 * interval (200 ms by default) and readable by any SQLite client while a job writes
 * ({@link io.featuresdk.runtime.store.local.OnlineStoreReader} describes the table).
 *
 * <pre>
 * &lt;root&gt;/online.db                              feature_groups catalog + typed fg_&lt;group&gt;_v&lt;version&gt; tables
 * &lt;root&gt;/offline/&lt;group&gt;/v&lt;version&gt;/part-*.avro  committed offline rows, names in write order
 * </pre>
 *
 * Read with {@link io.featuresdk.runtime.store.local.LocalFeatureStoreReader} (offline side alone:
 * {@link io.featuresdk.runtime.store.local.OfflineStoreReader}) or
 * {@link io.featuresdk.runtime.store.local.LocalStoreCli}.
 */
package io.featuresdk.runtime.store.local;
