package io.featuresdk.runtime.source.recording;

import io.featuresdk.runtime.source.websocket.WebSocketMessageParser;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.impl.StreamFormatAdapter;
import org.apache.flink.connector.file.src.reader.BulkFormat;

/**
 * Reads each recording file with a {@link RecordedMessageFormat} that knows the file's name, so warnings and
 * errors say which file they are about (Flink's stream formats only see the bytes). Reading, decompression and
 * checkpointed positions are those of Flink's {@link StreamFormatAdapter}.
 */
final class RecordingFileFormat<T> implements BulkFormat<T, FileSourceSplit> {
  private static final long serialVersionUID = 1L;

  private final WebSocketMessageParser<T> parser;
  private final TypeInformation<T> producedType;

  RecordingFileFormat(WebSocketMessageParser<T> parser, TypeInformation<T> producedType) {
    this.parser = parser;
    this.producedType = producedType;
  }

  @Override
  public Reader<T> createReader(Configuration config, FileSourceSplit split) throws IOException {
    return formatFor(split).createReader(config, split);
  }

  @Override
  public Reader<T> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
    return formatFor(split).restoreReader(config, split);
  }

  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return producedType;
  }

  private StreamFormatAdapter<T> formatFor(FileSourceSplit split) {
    return new StreamFormatAdapter<>(new RecordedMessageFormat<>(parser, producedType, split.path().getName()));
  }
}
