package io.featuresdk.runtime.flink;

import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.state.StateBackend;

/**
 * Flink's embedded RocksDB state backend, for tests that run operators on it. Flink 2 flavour:
 * the class moved to {@code org.apache.flink.state.rocksdb}.
 */
public final class RocksDbBackend {
  private RocksDbBackend() {}

  /** A new embedded RocksDB backend with Flink's defaults. */
  public static StateBackend embedded() {
    return new EmbeddedRocksDBStateBackend();
  }
}
