package io.featuresdk.runtime.store.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.util.FlinkUserCodeClassLoaders;
import org.apache.flink.util.MutableURLClassLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.jdbc4.JDBC4Connection;

/**
 * Jobs on one Flink session cluster: each gets its own child-first user-code class loader holding
 * featuresdk and sqlite-jdbc, created by Flink's own factory, and the loader is dropped when the job
 * ends. Each must open the store after the previous one has gone, and none may keep its loader
 * alive (a driver registered in {@code DriverManager} did both wrong).
 */
class SessionClusterClassLoadersTest {
  @TempDir Path store;

  @Test
  void jobsInSuccessiveUserCodeClassLoadersEachOpenTheStoreAndLeaveNoLoaderBehind()
      throws Exception {
    WeakReference<ClassLoader> first = runJobInOwnClassLoader();
    WeakReference<ClassLoader> second = runJobInOwnClassLoader();

    assertCollected(first);
    assertCollected(second);
  }

  private WeakReference<ClassLoader> runJobInOwnClassLoader() throws Exception {
    URL[] jobJar = {
      codeLocation(OnlineStoreReader.class), // sdk-runtime's classes
      codeLocation(StoreRoundTrip.class), // this "job"
      codeLocation(JDBC4Connection.class) // sqlite-jdbc, shipped inside the job jar
    };
    MutableURLClassLoader loader =
        FlinkUserCodeClassLoaders.childFirst(
            jobJar,
            getClass().getClassLoader(),
            CoreOptions.getParentFirstLoaderPatterns(new Configuration()),
            error -> {},
            false);
    try (loader) {
      Class<?> job = loader.loadClass(StoreRoundTrip.class.getName());
      assertSame(loader, job.getClassLoader());
      assertSame(loader, loader.loadClass(JDBC4Connection.class.getName()).getClassLoader());
      @SuppressWarnings("unchecked")
      Function<String, String> roundTrip =
          (Function<String, String>) job.getDeclaredConstructor().newInstance();
      String row = roundTrip.apply(store.toString());
      assertEquals("a", row.substring(row.indexOf("\"user\": \"") + 9, row.indexOf("\"user\": \"") + 10));
    }
    return new WeakReference<>(loader);
  }

  private static URL codeLocation(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  /** Garbage collection is not on demand, so ask until the deadline. */
  private static void assertCollected(WeakReference<ClassLoader> loader) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (loader.get() != null && System.nanoTime() < deadline) {
      System.gc();
    }
    assertNull(loader.get(), "a closed job's class loader is still reachable");
  }
}
