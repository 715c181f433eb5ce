package io.featuresdk.runtime.store.local;

import org.apache.avro.generic.GenericRecord;

/**
 * One row of the local online store with what it covers.
 *
 * @param features the row as the job wrote it, in the group's Avro schema
 * @param windowEndMicros the end of the window the row aggregates, epoch microseconds
 * @param asOfMicros the newest event time the row includes, epoch microseconds; for a final row,
 *     which includes every event of its window, the window's last millisecond
 */
public record OnlineRow(GenericRecord features, long windowEndMicros, long asOfMicros) {}
