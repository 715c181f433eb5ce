package io.featuresdk.runtime.window;

import io.featuresdk.runtime.spi.FeatureRowCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Encodes typed rows as plain Avro binary, reusing one buffer and encoder for every row; one per
 * encoder function instance (not thread-safe).
 */
final class RowBytes<R> {
  private final FeatureRowCodec<R> codec;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
  private final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(buffer, null);

  RowBytes(FeatureRowCodec<R> codec) {
    this.codec = codec;
  }

  /** The row's Avro binary, in a new array the caller owns. */
  byte[] encode(R row) throws IOException {
    buffer.reset();
    codec.encode(row, encoder);
    return flushed();
  }

  /** The Avro binary of an empty window's row ({@link FeatureRowCodec#encodeEmpty}). */
  byte[] encodeEmpty(R row) throws IOException {
    buffer.reset();
    codec.encodeEmpty(row, encoder);
    return flushed();
  }

  private byte[] flushed() throws IOException {
    encoder.flush();
    return buffer.toByteArray();
  }

  /** The row's primary-key values joined by {@code ";"}. */
  String key(R row) {
    return codec.primaryKey(row);
  }
}
