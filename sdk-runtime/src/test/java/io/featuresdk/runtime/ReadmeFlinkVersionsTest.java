package io.featuresdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.junit.jupiter.api.Test;

/**
 * The root README's "Flink versions" table tells the truth about the Flink line this build is
 * for; CI builds both lines, so both rows are checked.
 */
class ReadmeFlinkVersionsTest {
  private static final Path README = Path.of("..", "README.md");

  @Test
  void rowOfThisLineNamesItsFlinkConnectorAndFeaturesdkVersions() throws IOException {
    // Flink's own report of the version on the class path, not what the build wrote
    String flink = EnvironmentInformation.getVersion();
    List<String[]> rows =
        section().lines()
            .filter(line -> line.startsWith("| ") && !line.startsWith("| Flink line"))
            .map(line -> Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new))
            .filter(columns -> columns[2].equals(flink))
            .toList();
    assertEquals(1, rows.size(), "one row for Flink " + flink + " in README's \"Flink versions\"");
    String[] row = rows.get(0);

    assertEquals(FlinkLine.FLINK_VERSION, flink, "sdk-runtime's flink-line.properties");
    assertEquals(FlinkLine.KAFKA_CONNECTOR_VERSION, row[3], "flink-connector-kafka.version");
    assertEquals(builtVersion(), row[4], "featuresdk version");
    assertTrue(row[1].startsWith(flink.substring(0, flink.lastIndexOf('.'))), "line " + row[1]);
  }

  private static String builtVersion() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = FlinkLine.class.getResourceAsStream("flink-line.properties")) {
      properties.load(in);
    }
    return properties.getProperty("featuresdk.version");
  }

  private static String section() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("## Flink versions\n");
    assertTrue(start >= 0, "README has no section \"Flink versions\"");
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }
}
