package io.featuresdk.runtime.store.kafka;

/**
 * Which time a feature row's Kafka record carries. Kafka deletes a topic's segments by this
 * timestamp ({@code retention.ms}, 168 hours by default), so it decides how long a row stays
 * readable for consumers that are behind, such as Hopsworks' offline materialization job.
 */
public enum RecordTimestamp {
  /**
   * The producer's clock when the row is written (the default), as Hopsworks' Python client does.
   * Retention then counts from the write, however old the row's window is, so backfills and
   * replays stay on the topic for the whole retention period.
   */
  WRITE_TIME,

  /**
   * The end of the row's window, as Hopsworks' Flink client does. Rows of a backfill or a replay
   * of old data carry old timestamps, and Kafka may delete them before a slow consumer (such as
   * the offline materialization job) has read them: those rows then never reach the offline store.
   */
  WINDOW_END
}
