package io.featuresdk.runtime.spi;

import java.io.IOException;
import java.io.Serializable;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/**
 * The generated, reflection-free Avro mapping of a feature row, in Hopsworks' conventions: every
 * field is a {@code ["null", T]} union and timestamps are {@code long timestamp-micros}.
 *
 * @param <R> the feature row type (the annotated class)
 */
public interface FeatureRowCodec<R> extends Serializable {

  /** The row schema of one feature group; the record is named {@code {groupName}_{version}}. */
  Schema schema(String groupName, int version);

  /** Writes {@code row} as Avro binary in the field order of {@link #schema}. */
  void encode(R row, Encoder out) throws IOException;

  /**
   * Writes a row made by {@link FeatureAggregation#emptyRow} as {@link #encode} would, except that
   * every feature other than the key, the window bounds and {@code @Count} features is null.
   */
  void encodeEmpty(R row, Encoder out) throws IOException;

  /** Reads a row written by {@link #encode}. */
  R decode(Decoder in) throws IOException;

  /**
   * The row's primary key as Hopsworks writes Kafka keys: each key value's {@code toString()},
   * joined by {@code ";"}.
   */
  String primaryKey(R row);

  /** The row as a {@link GenericRecord} of {@code schema}, for writers that need one. */
  GenericRecord toGenericRecord(R row, Schema schema);
}
