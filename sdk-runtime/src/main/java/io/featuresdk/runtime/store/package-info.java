/**
 * Where feature rows go. {@link io.featuresdk.runtime.store.FeatureStore} is the one seam;
 * {@link io.featuresdk.runtime.store.FeatureRecord} is the row on the wire (Hopsworks' key and
 * plain Avro value) and {@link io.featuresdk.runtime.store.FeatureGroupTarget} the group metadata a
 * store registers. {@link io.featuresdk.runtime.store.FeatureStores} creates the bundled stores.
 */
package io.featuresdk.runtime.store;
