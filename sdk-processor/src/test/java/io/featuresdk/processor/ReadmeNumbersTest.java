package io.featuresdk.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * The numbers the READMEs state about the processor are read from the READMEs and compared with
 * the processor's own catalogue and constants, so text and code cannot drift apart.
 */
class ReadmeNumbersTest {
  private static final Path ROOT_README = Path.of("..", "README.md");
  private static final Path MODULE_README = Path.of("README.md");

  @Test
  void rootReadmeCountsEveryKindOfMisuseAndItsWarnings() throws IOException {
    Matcher claim = find(ROOT_README,
        "The processor checks (\\d+) kinds of misuse \\((\\w+) are warnings: (.+?)\\)");
    long kinds = Arrays.stream(Messages.values()).filter(m -> m != Messages.INTERNAL_ERROR).count();
    long warnings = Arrays.stream(Messages.values())
        .filter(m -> m.kind() == Diagnostic.Kind.WARNING).count();
    assertEquals(kinds, Long.parseLong(claim.group(1)), "kinds of misuse in Messages");
    assertEquals(warnings, wordToNumber(claim.group(2)), "warnings in Messages");
    assertTrue(claim.group(3).contains(slides(WindowValidator.MAX_SLIDES_PER_WINDOW)),
        "the warning's threshold, " + WindowValidator.MAX_SLIDES_PER_WINDOW + " slides");
  }

  @Test
  void moduleReadmeNamesTheSlideWarningThreshold() throws IOException {
    Matcher line = find(MODULE_README, "\\| FSDK038 \\| .*more than ([\\d,]+) slides");
    assertEquals(WindowValidator.MAX_SLIDES_PER_WINDOW,
        Long.parseLong(line.group(1).replace(",", "")));
  }

  @Test
  void bothReadmesStateHowManyRandomCasesCiRuns() throws IOException {
    assertEquals(RandomAnnotationsTest.CI_CASES, Integer.parseInt(
        find(ROOT_README, "a seeded test throws (\\d+) random\\s+annotation combinations").group(1)));
    assertEquals(RandomAnnotationsTest.CI_CASES, Integer.parseInt(
        find(MODULE_README, "`RandomAnnotationsTest` compiles (\\d+) seeded random").group(1)));
  }

  private static String slides(long count) {
    return String.format(Locale.ROOT, "%,d slides", count);
  }

  private static long wordToNumber(String word) {
    int index = Arrays.asList("zero", "one", "two", "three", "four").indexOf(word);
    assertTrue(index >= 0, "a small number word: " + word);
    return index;
  }

  private static Matcher find(Path readme, String regex) throws IOException {
    Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(Files.readString(readme));
    assertTrue(matcher.find(), readme + " states /" + regex + "/");
    return matcher;
  }
}
