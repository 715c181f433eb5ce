/**
 * Looking at a local feature store: {@link io.featuresdk.runtime.store.local.view.StorePageServer}, a
 * read-only web page (groups, online rows, charts of the offline rows that follow a writing job), and
 * {@link io.featuresdk.runtime.store.local.view.FeatureChartPng}, the same charts as a PNG. Both read
 * through {@link io.featuresdk.runtime.store.local.LocalFeatureStoreReader}; {@code LocalStoreCli
 * serve} and {@code LocalStoreCli chart} run them from the command line.
 */
package io.featuresdk.runtime.store.local.view;
