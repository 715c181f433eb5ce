package io.featuresdk.runtime.flink;

import java.io.IOException;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A {@link Sink} written against {@code createWriter(WriterInitContext)} alone, the one variant
 * both Flink lines have (Flink 1.20 flavour of this shim; the root README's "Flink versions").
 *
 * <p>Flink 1.20 still declares the deprecated {@code createWriter(Sink.InitContext)} abstract, so
 * a sink has to implement it, but its runtime creates writers through the {@code
 * WriterInitContext} variant. Flink 2 removed {@code Sink.InitContext}: a jar built for one line
 * does not link on the other, which is why each line has its own artifacts.
 *
 * <p>Internal to featuresdk.
 *
 * @param <T> the type of the sink's input
 */
public abstract class WriterInitContextSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public abstract SinkWriter<T> createWriter(WriterInitContext context) throws IOException;

  /** Not called by Flink 1.20's runtime, which calls {@link #createWriter(WriterInitContext)}. */
  @Deprecated
  @Override
  public final SinkWriter<T> createWriter(InitContext context) {
    throw new UnsupportedOperationException(
        getClass().getName() + " is created through createWriter(WriterInitContext), which Flink 1.20's"
            + " runtime calls; a caller of the deprecated createWriter(Sink.InitContext) must move to it");
  }
}
