package io.featuresdk.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Compiles the feature classes in {@code good/} and compares what is generated with the goldens
 * in {@code expected/}.
 *
 * <p>To regenerate the goldens after an intended change to the generated code, run
 * {@code mvn -pl sdk-processor test -Dtest=FeatureGroupProcessorTest
 * -Dfeaturesdk.goldens=src/test/resources/expected}, then review the diff.
 */
class FeatureGroupProcessorTest {
  /** Set to a directory to rewrite the goldens there instead of comparing against them. */
  private static final String GOLDENS_PROPERTY = "featuresdk.goldens";

  static final List<String> GENERATED_ROLES =
      List.of(
          "Input",
          "InputSerializer",
          "Accumulator",
          "AccumulatorSerializer",
          "RowSerializer",
          "Aggregation",
          "AvroCodec",
          "FeatureGroup");

  static Compilation compile(String... resources) {
    JavaFileObject[] sources = new JavaFileObject[resources.length];
    for (int i = 0; i < resources.length; i++) {
      sources[i] = JavaFileObjects.forResource(resources[i]);
    }
    return Compiler.javac().withProcessors(new FeatureGroupProcessor()).compile(sources);
  }

  @Test
  void priceFeaturesCompileWithoutWarnings() {
    Compilation compilation = compile("good/Ticker.java", "good/PriceFeatures.java");

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void recordSourceWithCompositeKeyCompilesWithoutWarnings() {
    Compilation compilation = compile("good/Trade.java", "good/TradeFeatures.java");

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void generatedCodeCompilesWithoutLintWarnings() {
    Compilation compilation = Compiler.javac()
        .withProcessors(new FeatureGroupProcessor())
        .withOptions("-Xlint:all", "-Xlint:-processing")
        .compile(JavaFileObjects.forResource("good/Trade.java"),
            JavaFileObjects.forResource("good/TradeFeatures.java"),
            JavaFileObjects.forResource("good/Ticker.java"),
            JavaFileObjects.forResource("good/PriceFeatures.java"));

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void everyGeneratedFileIsTopLevelInTheFeatureClassPackage() {
    Compilation compilation = compile("good/Ticker.java", "good/PriceFeatures.java");

    for (String role : GENERATED_ROLES) {
      assertThat(compilation).generatedSourceFile("test.PriceFeatures_" + role);
    }
  }

  @Test
  void priceFeaturesSourcesMatchGoldens() {
    goldenTest("PriceFeatures", compile("good/Ticker.java", "good/PriceFeatures.java"));
  }

  @Test
  void tradeFeaturesSourcesMatchGoldens() {
    goldenTest("TradeFeatures", compile("good/Trade.java", "good/TradeFeatures.java"));
  }

  @Test
  void volatilityFeaturesSourcesMatchGoldens() {
    goldenTest("VolatilityFeatures", compile("good/Quote.java", "good/VolatilityFeatures.java"));
  }

  @Test
  void notionalFeaturesSourcesMatchGoldens() {
    goldenTest("NotionalFeatures", compile("good/Quote.java", "good/NotionalFeatures.java"));
  }

  @Test
  void sketchFeaturesSourcesMatchGoldens() {
    goldenTest("SketchFeatures", compile("good/Quote.java", "good/SketchFeatures.java"));
  }

  @Test
  void recentFeaturesSourcesMatchGoldens() {
    goldenTest("RecentFeatures", compile("good/Quote.java", "good/RecentFeatures.java"));
  }

  @Test
  void generatedCodeCarriesNoDateAndNoReflection() throws IOException {
    Compilation compilation = compile("good/Ticker.java", "good/PriceFeatures.java");

    for (String role : GENERATED_ROLES) {
      String source = compilation.generatedSourceFile("test.PriceFeatures_" + role).orElseThrow()
          .getCharContent(false).toString();
      assertThat(source).contains(
          "@Generated(\"io.featuresdk.processor.FeatureGroupProcessor\")");
      assertThat(source).doesNotContain("date =");
      assertThat(source).doesNotContain("java.lang.reflect");
      assertThat(source).doesNotContain("getDeclaredField");
      assertThat(source).doesNotContain("Class.forName");
    }
  }

  @Test
  void gradleIncrementalMetadataDeclaresAnIsolatingProcessor() throws IOException {
    try (var in = FeatureGroupProcessor.class.getClassLoader()
        .getResourceAsStream("META-INF/gradle/incremental.annotation.processors")) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim())
          .isEqualTo("io.featuresdk.processor.FeatureGroupProcessor,isolating");
    }
  }

  private static void goldenTest(String featureClass, Compilation compilation) {
    assertThat(compilation).succeededWithoutWarnings();
    String goldens = System.getProperty(GOLDENS_PROPERTY);
    for (String role : GENERATED_ROLES) {
      String name = featureClass + "_" + role;
      if (goldens != null && !goldens.isEmpty()) {
        writeGolden(Path.of(goldens, name + ".java"), compilation, "test." + name);
        continue;
      }
      assertThat(compilation)
          .generatedSourceFile("test." + name)
          .hasSourceEquivalentTo(JavaFileObjects.forResource("expected/" + name + ".java"));
    }
  }

  private static void writeGolden(Path file, Compilation compilation, String qualifiedName) {
    try {
      CharSequence source = compilation.generatedSourceFile(qualifiedName).orElseThrow()
          .getCharContent(false);
      Files.createDirectories(file.getParent());
      Files.writeString(file, source, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
