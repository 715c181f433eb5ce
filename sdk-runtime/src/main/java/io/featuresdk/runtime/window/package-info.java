/**
 * Internal: how the pipeline turns a keyed stream of input records into encoded feature rows, one
 * window at a time. {@link io.featuresdk.runtime.window.WindowEngine} is the seam; today's engine
 * is {@link io.featuresdk.runtime.window.NativeWindowEngine} (Flink's own window operator). Not an
 * API for users: names here may change between releases.
 */
package io.featuresdk.runtime.window;
