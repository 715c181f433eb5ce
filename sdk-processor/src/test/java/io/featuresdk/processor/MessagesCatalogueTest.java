package io.featuresdk.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The error catalogue of this module's README lists every diagnostic id, and the root README's
 * aggregate catalogue has a line for every aggregate annotation.
 */
class MessagesCatalogueTest {

  @Test
  void everyMessageIdHasACatalogueLine() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    List<String> missing = new ArrayList<>();
    for (Messages message : Messages.values()) {
      if (!readme.contains("| " + message.id() + " |")) {
        missing.add(message.id());
      }
    }
    assertEquals(List.of(), missing, "ids without a line in sdk-processor/README.md");
  }

  @Test
  void everyAggregateHasALineInTheRootReadme() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    for (AggregatePart part : AggregateParts.ALL) {
      assertTrue(readme.contains("| `@" + part.annotationSimpleName()),
          "@" + part.annotationSimpleName() + " in the root README's aggregate table");
    }
  }
}
