package io.featuresdk.runtime.store.local;

import io.featuresdk.runtime.flink.WriterInitContextSink;
import io.featuresdk.runtime.store.FeatureGroupTarget;
import io.featuresdk.runtime.store.FeatureRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Writes a group's offline rows as Avro container files and makes them visible exactly once, when
 * the checkpoint that covers them completes (two-phase commit: the writer closes a hidden file at
 * the checkpoint barrier, the committer renames it after the checkpoint completed).
 *
 * <p>Files are named in write order ({@link OfflineFiles}), so a row written again (a rerun, a
 * backfill, an overlapping run) is simply appended; {@link OfflineStoreReader} keeps the last
 * write per primary key and event time, as Hopsworks' offline store upserts. The Avro metadata of
 * each file names the primary key and event-time fields, so any Avro reader can apply the same rule.
 */
final class OfflineAvroSink extends WriterInitContextSink<FeatureRecord>
    implements SupportsCommitter<String> {
  private static final long serialVersionUID = 1L;

  private final String dir;
  private final String schemaJson;
  private final String primaryKey;
  private final String eventTime;

  OfflineAvroSink(Path dir, FeatureGroupTarget group) {
    this.dir = dir.toString();
    this.schemaJson = group.schemaJson();
    this.primaryKey = String.join(",", group.primaryKey());
    this.eventTime = group.eventTimeFeature();
  }

  @Override
  public SinkWriter<FeatureRecord> createWriter(WriterInitContext context) {
    return createWriter(context.getTaskInfo().getIndexOfThisSubtask());
  }

  CommittingSinkWriter<FeatureRecord, String> createWriter(int subtask) {
    return new Writer(subtask);
  }

  @Override
  public Committer<String> createCommitter(CommitterInitContext context) {
    return new OfflineFileCommitter();
  }

  /** Committables are the committed names (absolute paths) of closed, still hidden files. */
  @Override
  public SimpleVersionedSerializer<String> getCommittableSerializer() {
    return new OfflineCommittableSerializer();
  }

  private final class Writer implements CommittingSinkWriter<FeatureRecord, String> {
    private final Schema schema = new Schema.Parser().parse(schemaJson);
    /** Tells this writer's files from those of other runs and restarts closed in the same millisecond. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final int subtask;
    private final List<String> closed = new ArrayList<>();
    private long counter;
    private long lastMillis;
    private OpenFile open;

    Writer(int subtask) {
      this.subtask = subtask;
      // A run that starts within the millisecond the previous run committed its last file must
      // still sort after it, or the earlier write would win.
      long newest = OfflineFiles.newestMillis(Path.of(dir));
      lastMillis = newest == Long.MIN_VALUE ? 0 : newest + 1;
    }

    @Override
    public void write(FeatureRecord record, Context context) throws IOException {
      // Only complete windows go offline: a truncated window's row would otherwise replace, as the
      // latest write per key and window end, the complete row of a run that covered the window.
      if (!record.complete()) {
        return;
      }
      if (open == null) {
        open = new OpenFile(Path.of(dir).resolve(nextName()));
      }
      open.append(record.value());
    }

    /** Names grow strictly even if the clock steps back, so files of one writer never reorder. */
    private String nextName() {
      lastMillis = Math.max(System.currentTimeMillis(), lastMillis);
      return OfflineFiles.committedName(lastMillis, run, subtask, counter++);
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      if (open != null) {
        closed.add(open.closeForCommit());
        open = null;
      }
    }

    @Override
    public Collection<String> prepareCommit() {
      List<String> committables = List.copyOf(closed);
      closed.clear();
      return committables;
    }

    /** An open file is not part of any checkpoint; it stays hidden for the store CLI to report. */
    @Override
    public void close() throws IOException {
      if (open != null) {
        open.abandon();
      }
    }

    private final class OpenFile {
      private final Path committed;
      private final FileChannel channel;
      private final DataFileWriter<Object> avro;

      OpenFile(Path committed) throws IOException {
        this.committed = committed;
        this.channel =
            FileChannel.open(OfflineFiles.hidden(committed), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        this.avro = new DataFileWriter<>(new GenericDatumWriter<>(schema));
        avro.setMeta(OfflineFiles.PRIMARY_KEY_META, primaryKey);
        avro.setMeta(OfflineFiles.EVENT_TIME_META, eventTime);
        avro.create(schema, Channels.newOutputStream(channel));
      }

      /** The rows already are Avro binary in the group's schema: appended as they are. */
      void append(byte[] row) throws IOException {
        avro.appendEncoded(ByteBuffer.wrap(row));
      }

      /** Durable before the checkpoint completes, so a committed name never points at lost bytes. */
      String closeForCommit() throws IOException {
        avro.flush();
        channel.force(true);
        avro.close();
        return committed.toString();
      }

      void abandon() throws IOException {
        avro.close();
      }
    }
  }
}
