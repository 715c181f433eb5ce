package io.featuresdk.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The compile errors the root README shows ("Compile-time checks") are what javac prints for a
 * class with those two mistakes, at the stated line and column: on the annotation value at fault.
 */
class ReadmeCompileErrorsTest {
  /** One README error line: {@code ClickFeatures.java:[line,column] message}. */
  private static final Pattern ERROR = Pattern.compile("ClickFeatures\\.java:\\[(\\d+),(\\d+)\\] (.+)");

  private static final String CLICK =
      "package test;\n"
          + "\n"
          + "public record Click(String user, double amount, long time) {}\n";
  /** Line 7 holds the window, line 13 the misspelt source field. */
  private static final String CLICK_FEATURES =
      "package test;\n"
          + "\n"
          + "import io.featuresdk.annotations.*;\n"
          + "import java.time.Instant;\n"
          + "\n"
          + "@FeatureGroup(name = \"clicks_{window}\", version = 1, source = Click.class, eventTime = \"time\")\n"
          + "@SlidingWindow(size = \"7m\", slide = \"2m\")\n"
          + "public class ClickFeatures {\n"
          + "  @PrimaryKey(from = \"user\") String user;\n"
          + "  @WindowEnd Instant end;\n"
          + "  @Count long clicks;\n"
          + "\n"
          + "  @Sum(\"amout\") double total;\n"
          + "}\n";

  @Test
  void theReadmesErrorsAreJavacsForThatClass() throws IOException {
    Compilation compilation = Compiler.javac().withProcessors(new FeatureGroupProcessor()).compile(
        JavaFileObjects.forSourceString("test.Click", CLICK),
        JavaFileObjects.forSourceString("test.ClickFeatures", CLICK_FEATURES));
    List<String> printed = compilation.errors().stream()
        .map(ReadmeCompileErrorsTest::asMavenPrintsIt)
        .collect(Collectors.toList());
    List<String> shown = readmeErrors();
    assertEquals(2, shown.size(), "the README's example shows two errors: " + shown);
    assertEquals(shown, printed);
  }

  private static String asMavenPrintsIt(Diagnostic<? extends JavaFileObject> error) {
    return "ClickFeatures.java:[" + error.getLineNumber() + "," + error.getColumnNumber() + "] "
        + error.getMessage(Locale.ROOT);
  }

  /** The README's error lines, each joined with the lines it wraps onto. */
  private static List<String> readmeErrors() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int section = readme.indexOf("## Compile-time checks");
    int start = readme.indexOf("```\n", section) + 4;
    int end = readme.indexOf("```", start);
    assertTrue(section >= 0 && start > 4 && end > start, "README's compile-time checks example");
    List<String> errors = new ArrayList<>();
    for (String line : readme.substring(start, end).strip().split("\n")) {
      if (ERROR.matcher(line).matches()) {
        errors.add(line);
      } else {
        errors.set(errors.size() - 1, errors.get(errors.size() - 1) + " " + line);
      }
    }
    return errors;
  }
}
