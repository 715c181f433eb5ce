package io.featuresdk.runtime.store.hopsworks;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the Hopsworks API key comes from: an environment variable or a file. Only the place is kept
 * (and shown by {@link #toString()}); the key itself is read when metadata is resolved, used for
 * the requests and dropped, so it is in no job graph, log line or exception message.
 */
public final class ApiKeySource implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String environmentVariable;
  private final String file;

  private ApiKeySource(String environmentVariable, String file) {
    this.environmentVariable = environmentVariable;
    this.file = file;
  }

  /** The key is the value of the environment variable {@code name}, e.g. HOPSWORKS_API_KEY. */
  public static ApiKeySource environment(String name) {
    return new ApiKeySource(Objects.requireNonNull(name, "name"), null);
  }

  /** The key is the content of {@code file} (surrounding white space ignored). */
  public static ApiKeySource file(Path file) {
    return new ApiKeySource(null, file.toAbsolutePath().toString());
  }

  /** Reads the key; {@code environment} stands for {@link System#getenv()} so tests can pass one. */
  String read(Map<String, String> environment) {
    String key;
    if (environmentVariable != null) {
      key = environment.get(environmentVariable);
      if (key == null || key.isBlank()) {
        throw new HopsworksException(
            "no Hopsworks API key: the environment variable " + environmentVariable
                + " is not set or empty. Create a key in Hopsworks (Account settings > API keys, "
                + "scopes featurestore, project, kafka) and export " + environmentVariable
                + ", or pass the key in a file (--api-key-file / ApiKeySource.file)");
      }
    } else {
      try {
        key = Files.readString(Path.of(file), StandardCharsets.UTF_8);
      } catch (IOException e) {
        // the exception names the file only; its content never reaches a message
        throw new HopsworksException(
            "cannot read the Hopsworks API key file " + file + " (" + e.getClass().getSimpleName()
                + "): check that the file exists and is readable by this process", null);
      }
      if (key.isBlank()) {
        throw new HopsworksException(
            "the Hopsworks API key file " + file + " is empty: write the API key into it");
      }
    }
    return key.strip();
  }

  @Override
  public String toString() {
    return environmentVariable != null ? "environment variable " + environmentVariable : "file " + file;
  }
}
