package io.featuresdk.runtime.source.recording;

import io.featuresdk.runtime.source.websocket.WebSocketMessageParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.file.src.FileSource;

/**
 * A bounded, replayable FLIP-27 source over a directory of recordings written by a live source's
 * {@link RecordingOptions tee}: every recorded message goes through the same {@link WebSocketMessageParser}, so a
 * recorded day is backfilled through the same pipeline, with event time taken from the messages by the
 * pipeline's own timestamp assigner.
 *
 * <pre>{@code
 * FeaturePipeline.of(PriceFeatures_FeatureGroup.instance())
 *     .fromSource(env, ReplaySource.of(Path.of("recordings"), new CoinbaseTickerParser(), Ticker.class), "replay")
 *     .insertStream(store);
 * }</pre>
 *
 * <p>It is Flink's {@link FileSource}: one split per file ({@code .jsonl} or {@code .jsonl.gz}, decompressed by
 * extension; hidden files such as in-progress recordings are skipped), handed out in file-name (= time) order,
 * and a checkpoint stores the position in each file being read, so a restarted job neither loses nor repeats
 * records (see {@link RecordedMessageFormat}). Any parallelism works; files are spread over the readers.
 */
public final class ReplaySource {

  private ReplaySource() {}

  public static <T> FileSource<T> of(Path directory, WebSocketMessageParser<T> parser, Class<T> type) {
    return of(directory, parser, TypeInformation.of(type));
  }

  /**
   * @throws IllegalArgumentException if {@code directory} is not a directory
   */
  public static <T> FileSource<T> of(Path directory, WebSocketMessageParser<T> parser, TypeInformation<T> type) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("No recording directory " + directory.toAbsolutePath()
          + ": record one first with WebSocketSource.Builder#record(RecordingOptions.in(dir))");
    }
    return FileSource.forBulkFileFormat(new RecordingFileFormat<>(parser, type),
            new org.apache.flink.core.fs.Path(directory.toAbsolutePath().toUri()))
        .setSplitAssigner(OrderedFileSplitAssigner::new)
        .build();
  }
}
