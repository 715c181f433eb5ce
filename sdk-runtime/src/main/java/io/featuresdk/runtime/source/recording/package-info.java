/**
 * Record and replay for message feeds: a live {@link io.featuresdk.runtime.source.websocket.WebSocketSource} tees
 * raw messages into rotated JSON-lines files ({@link io.featuresdk.runtime.source.recording.RecordingOptions},
 * {@link io.featuresdk.runtime.source.recording.RecordingWriter}, one
 * {@link io.featuresdk.runtime.source.recording.RecordedLine} per message), and
 * {@link io.featuresdk.runtime.source.recording.ReplaySource} reads them back as a bounded, replayable source
 * through the same parser, so a recorded day can be backfilled through the same pipeline.
 */
package io.featuresdk.runtime.source.recording;
