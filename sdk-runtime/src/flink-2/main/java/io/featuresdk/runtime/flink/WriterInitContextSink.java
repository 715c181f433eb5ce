package io.featuresdk.runtime.flink;

import java.io.IOException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A {@link Sink} written against {@code createWriter(WriterInitContext)} alone, the one variant
 * both Flink lines have (Flink 2 flavour of this shim; the root README's "Flink versions").
 *
 * <p>Flink 2 removed the deprecated {@code createWriter(Sink.InitContext)}, so there is nothing to
 * bridge here; the Flink 1.20 flavour implements that variant.
 *
 * <p>Internal to featuresdk.
 *
 * @param <T> the type of the sink's input
 */
public abstract class WriterInitContextSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public abstract SinkWriter<T> createWriter(WriterInitContext context) throws IOException;
}
