package io.featuresdk.runtime.store.local;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.jdbc4.JDBC4Connection;

/**
 * Opens connections to the local store's SQLite file through the driver's own connection class,
 * never through {@link java.sql.DriverManager}.
 *
 * <p>Why: {@code DriverManager} only hands a driver to code whose class loader loaded that very
 * driver class, and it registers drivers once per JVM. On a Flink session cluster every job has its
 * own user-code class loader, so the second job on the cluster failed with "No suitable driver found
 * for jdbc:sqlite:", and the registered driver kept the first job's class loader alive. Creating the
 * connection directly never initializes {@code org.sqlite.JDBC}, so nothing is registered and
 * nothing outlives the job's class loader.
 */
final class SqliteConnections {
  /**
   * How long a writer waits for another writer's lock. Writers of several subtasks and groups share
   * one file and SQLite serializes them, so a writer must out-wait a slow flush of another.
   */
  static final int WRITER_BUSY_TIMEOUT_MILLIS = 60_000;

  /**
   * How long a reader waits when the database is briefly locked. In WAL mode readers never wait for
   * writers, but they may meet a lock while a connection recovers or resets the write-ahead log;
   * external readers should set the same timeout ({@code PRAGMA busy_timeout = 5000}).
   */
  static final int READER_BUSY_TIMEOUT_MILLIS = 5_000;

  private SqliteConnections() {}

  static Connection openForWriting(Path db) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(WRITER_BUSY_TIMEOUT_MILLIS);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    return open(db, config);
  }

  static Connection openReadOnly(Path db) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(READER_BUSY_TIMEOUT_MILLIS);
    return open(db, config);
  }

  private static Connection open(Path db, SQLiteConfig config) throws SQLException {
    String file = db.toAbsolutePath().toString();
    return new JDBC4Connection("jdbc:sqlite:" + file, file, config.toProperties());
  }
}
