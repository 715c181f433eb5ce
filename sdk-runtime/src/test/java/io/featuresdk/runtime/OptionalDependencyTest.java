package io.featuresdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.OptionalDependency.Artifact;
import io.featuresdk.runtime.source.websocket.WebSocketSource;
import io.featuresdk.runtime.store.FeatureStores;
import io.featuresdk.runtime.store.hopsworks.HopsworksFeatureStore;
import io.featuresdk.runtime.store.local.LocalFeatureStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every store and source whose library is optional fails at its entry point with the coordinates to
 * add when that library is missing. The missing library is simulated by a class loader that hides
 * its packages and loads featuresdk's own classes itself, as a user's class path without it would.
 */
class OptionalDependencyTest {

  static Stream<Arguments> entryPointsWithAHiddenLibrary() {
    String files = "org.apache.flink:flink-connector-files:";
    String sqlite = "org.xerial:sqlite-jdbc:";
    String kafka = "org.apache.flink:flink-connector-kafka:";
    return Stream.of(
        Arguments.of("localStore", "org.sqlite.", sqlite),
        Arguments.of("localStore", "org.apache.flink.connector.file.", files),
        Arguments.of("localStoreConstructor", "org.sqlite.", sqlite),
        Arguments.of("webSocketSource", "org.asynchttpclient.", "org.asynchttpclient:async-http-client:"),
        Arguments.of("kafkaStore", "org.apache.flink.connector.kafka.", kafka),
        Arguments.of("hopsworksStore", "org.apache.flink.connector.kafka.", kafka),
        Arguments.of("hopsworksStoreBuilder", "org.apache.flink.connector.kafka.", kafka));
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("entryPointsWithAHiddenLibrary")
  void entryPointNamesTheMissingArtifact(String entryPoint, String hiddenPackage, String coordinates)
      throws Exception {
    Throwable failure =
        assertThrows(InvocationTargetException.class, () -> call(entryPoint, hiddenPackage)).getCause();

    IllegalStateException missing = assertInstanceOf(IllegalStateException.class, failure);
    assertTrue(missing.getMessage().contains(coordinates), missing.getMessage());
    assertTrue(missing.getMessage().contains("Add it to your project's dependencies"), missing.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entryPointsWithAHiddenLibrary")
  void entryPointWorksWhenNothingIsMissing(String entryPoint) throws Exception {
    call(entryPoint, "no.such.package.");
  }

  @Test
  void everyProbeClassComesFromTheArtifactAndVersionItNames() throws Exception {
    for (OptionalDependency dependency : OptionalDependency.values()) {
      for (Artifact artifact : dependency.artifacts()) {
        String jar =
            Class.forName(artifact.probeClass()).getProtectionDomain().getCodeSource().getLocation().getPath();
        String expected = "/" + artifact.artifactId() + "/" + artifact.version() + "/"
            + artifact.artifactId() + "-" + artifact.version() + ".jar";
        assertTrue(jar.endsWith(expected), dependency + ": " + artifact.probeClass() + " is in " + jar
            + ", not in " + artifact.coordinates() + " (the version sdk-runtime is built with)");
      }
    }
  }

  @Test
  void messageNamesEveryMissingArtifact() {
    Throwable failure =
        assertThrows(
                InvocationTargetException.class,
                () -> call("localStore", "org.sqlite.", "org.apache.flink.connector.file."))
            .getCause();

    // the Flink line's version (everyProbeClassComesFromTheArtifactAndVersionItNames checks it)
    String filesVersion = OptionalDependency.LOCAL_STORE.artifacts().get(0).version();
    assertEquals(
        "FeatureStores.local needs org.apache.flink:flink-connector-files:" + filesVersion + " and "
            + "org.xerial:sqlite-jdbc:3.53.4.0 on the class path: sdk-runtime declares them optional, so "
            + "that jobs which do not use FeatureStores.local do not ship them. Add them to your project's "
            + "dependencies (the table is under \"Use it in your project\" in featuresdk's README).",
        failure.getMessage());
  }

  private static void call(String entryPoint, String... hiddenPackages) throws Exception {
    ClassLoader loader = new LibraryHidingClassLoader(List.of(hiddenPackages));
    Class<?> callers = Class.forName(EntryPoints.class.getName(), true, loader);
    callers.getMethod(entryPoint).invoke(null);
  }

  /** Calls each entry point; loaded by {@link LibraryHidingClassLoader}, so it sees the hidden class path. */
  public static final class EntryPoints {
    private EntryPoints() {}

    public static void localStore() {
      FeatureStores.local(Path.of("feature-store"));
    }

    public static void localStoreConstructor() {
      new LocalFeatureStore(Path.of("feature-store"));
    }

    public static void webSocketSource() {
      WebSocketSource.builder();
    }

    public static void kafkaStore() {
      FeatureStores.kafka("localhost:9092");
    }

    public static void hopsworksStore() {
      FeatureStores.hopsworks("hopsworks.invalid", 443, "demo");
    }

    public static void hopsworksStoreBuilder() {
      HopsworksFeatureStore.builder("hopsworks.invalid", 443, "demo");
    }
  }

  /**
   * Defines featuresdk's classes itself (child first) and pretends the hidden packages do not
   * exist; everything else comes from the test class path.
   */
  private static final class LibraryHidingClassLoader extends ClassLoader {
    private final List<String> hiddenPackages;

    LibraryHidingClassLoader(List<String> hiddenPackages) {
      super(OptionalDependencyTest.class.getClassLoader());
      this.hiddenPackages = hiddenPackages;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (hiddenPackages.stream().anyMatch(name::startsWith)) {
          throw new ClassNotFoundException(name + " is hidden by the test");
        }
        if (!name.startsWith("io.featuresdk.")) {
          return super.loadClass(name, resolve);
        }
        Class<?> loaded = findLoadedClass(name);
        return loaded != null ? loaded : defineFromParent(name);
      }
    }

    private Class<?> defineFromParent(String name) throws ClassNotFoundException {
      try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
