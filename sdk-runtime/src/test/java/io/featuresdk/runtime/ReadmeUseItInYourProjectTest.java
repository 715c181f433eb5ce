package io.featuresdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.OptionalDependency.Artifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The root README's "Use it in your project" cannot rot: its pom excerpt is the quickstart's, and
 * its table of what to add per store lists what each store's factory checks for.
 */
class ReadmeUseItInYourProjectTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path QUICKSTART_POM = Path.of("..", "quickstart", "pom.xml");

  @Test
  void everyXmlExcerptIsVerbatimFromTheQuickstartPom() throws IOException {
    String pom = withoutFirstIndentLevel(Files.readString(QUICKSTART_POM));
    List<String> excerpts = fencedBlocks(section(), "```xml");

    assertFalse(excerpts.isEmpty(), "no xml excerpt in the section");
    for (String excerpt : excerpts) {
      assertTrue(pom.contains(excerpt), "not in quickstart/pom.xml:\n" + excerpt);
    }
  }

  @Test
  void tableListsTheArtifactsEachStoreAndSourceChecksFor() throws IOException {
    List<String> rows = section().lines().filter(line -> line.startsWith("| ")).toList();
    for (OptionalDependency dependency : OptionalDependency.values()) {
      String name = "`" + dependency.user() + "`";
      List<String> matching = rows.stream().filter(row -> row.contains(name)).toList();
      assertEquals(1, matching.size(), "one table row for " + name + ": " + matching);

      String[] columns = matching.get(0).split("\\|");
      Set<String> listed =
          Arrays.stream(columns[2].split(","))
              .map(cell -> withLineVersions(cell.strip().replace("`", "")))
              .collect(Collectors.toSet());
      Set<String> checked =
          dependency.artifacts().stream().map(Artifact::coordinates).collect(Collectors.toSet());
      assertEquals(checked, listed, name);
    }
  }

  /** The table names Flink's artifacts by the quickstart pom's properties, one value per Flink line. */
  private static String withLineVersions(String coordinates) {
    return coordinates
        .replace("${flink.version}", FlinkLine.FLINK_VERSION)
        .replace("${flink-connector-kafka.version}", FlinkLine.KAFKA_CONNECTOR_VERSION);
  }

  private static String section() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("## Use it in your project\n");
    assertTrue(start >= 0, "README has no section \"Use it in your project\"");
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  private static List<String> fencedBlocks(String markdown, String opening) {
    List<String> blocks = new ArrayList<>();
    int from = 0;
    while ((from = markdown.indexOf(opening + "\n", from)) >= 0) {
      int start = from + opening.length() + 1;
      int end = markdown.indexOf("\n```", start);
      blocks.add(markdown.substring(start, end + 1));
      from = end + 4;
    }
    return blocks;
  }

  /** The pom's children of {@code <project>} as they read at the top level of an excerpt. */
  private static String withoutFirstIndentLevel(String pom) {
    return pom.lines()
        .map(line -> line.startsWith("  ") ? line.substring(2) : line)
        .collect(Collectors.joining("\n", "", "\n"));
  }
}
