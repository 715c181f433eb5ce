/**
 * Shims over the Flink APIs that differ between the Flink lines featuresdk is built for (1.20 and
 * 2.x). Each class here has one source per line, in {@code src/flink-1} and {@code src/flink-2} of
 * sdk-runtime; the root pom's profile of the line picks the directory. Internal to featuresdk.
 */
package io.featuresdk.runtime.flink;
