package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.store.FeatureRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;

/**
 * Writes {@link FeatureRecord}s into Avro container files. The records already hold the Avro
 * binary of their rows, so they are appended as encoded datums: no decoding, no reflection.
 */
final class AvroDatumBulkWriterFactory implements BulkWriter.Factory<FeatureRecord> {
  private static final long serialVersionUID = 1L;

  private final String schemaJson;

  AvroDatumBulkWriterFactory(String schemaJson) {
    this.schemaJson = schemaJson;
  }

  @Override
  public BulkWriter<FeatureRecord> create(FSDataOutputStream out) throws IOException {
    Schema schema = new Schema.Parser().parse(schemaJson);
    DataFileWriter<Object> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema));
    writer.create(schema, out);
    return new AvroDatumBulkWriter(writer);
  }

  private static final class AvroDatumBulkWriter implements BulkWriter<FeatureRecord> {
    private final DataFileWriter<Object> writer;

    AvroDatumBulkWriter(DataFileWriter<Object> writer) {
      this.writer = writer;
    }

    @Override
    public void addElement(FeatureRecord record) throws IOException {
      writer.appendEncoded(ByteBuffer.wrap(record.value()));
    }

    @Override
    public void flush() throws IOException {
      writer.flush();
    }

    /** Ends the last block; the sink, not the writer, owns and closes the stream. */
    @Override
    public void finish() throws IOException {
      writer.flush();
    }
  }
}
