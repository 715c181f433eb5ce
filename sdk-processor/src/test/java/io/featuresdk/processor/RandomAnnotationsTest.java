package io.featuresdk.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Throws random annotation combinations at the processor (seeded, so a failure names the case
 * that reproduces it) and checks the one promise that holds for every input: either each error
 * is a featuresdk error placed on an element of the user's class, or the class and everything
 * generated for it compile. Never an internal error (FSDK099), a crash, or generated code that
 * does not compile.
 */
class RandomAnnotationsTest {
  private static final long SEED = 20261130L;
  private static final int CASES = 200;

  private static final String[] SOURCE_TYPES = {
      "String", "int", "long", "double", "Double", "Integer", "Long", "boolean", "Boolean",
      "java.time.Instant", "float", "short", "byte", "java.math.BigDecimal", "int[]"};
  private static final String[] SOURCE_NAMES = {
      "id", "user", "price", "qty", "tip", "flag", "eventTimeMillis", "eventTimeMillis_", "time",
      "ts", "eventCount", "input", "acc", "record", "event", "source", "target", "copy", "key_price"};
  private static final String[] FIELD_TYPES = {
      "String", "long", "double", "Double", "int", "Integer", "Long", "float", "boolean",
      "java.time.Instant", "java.math.BigDecimal", "short"};
  private static final String[] FIELD_NAMES = {
      "id", "user", "price", "total", "avgPrice", "n", "end", "start", "first", "last",
      "eventCount", "eventTimeMillis", "input", "acc", "row", "INSTANCE", "_x", "key_price",
      "priceSum", "price_sum", "tsMax", "record", "copy", "from", "source", "target"};
  private static final String[] ROLES = {
      "@PrimaryKey(from = \"%s\")", "@PrimaryKey", "@WindowEnd", "@WindowStart", "@Count",
      "@Sum(\"%s\")", "@Avg(\"%s\")", "@Min(\"%s\")", "@Max(\"%s\")", "@First(\"%s\")",
      "@Last(\"%s\")", ""};
  private static final String[] MODIFIERS = {"", "", "", "private ", "static ", "transient ",
      "final ", "public ", "protected "};
  private static final String[] DURATIONS = {
      "1m", "5m", "1h", "24h", "1d", "7d", "90s", "1ms", "PT1H", "0s", "-1m", "abc", "",
      "9999999999999999999d", "PT2562047788015215H", "36501d", "2m", "10s"};
  private static final String[] GROUP_NAMES = {
      "feat_{window}", "feat", "", "{windows}", "_x_{window}", "Feat_{window}", "{window}",
      "{window}_x", "a_{window}_{window}", "x".repeat(70) + "_{window}", "ok_{window}"};
  private static final String[] LABELS = {
      null, null, null, "", "x", "1d_daily", "Bad-Label", "24h", "1m"};
  private static final String[] FEATURE_NAMES = {null, null, null, null, "x", "_x", "Bad Name",
      "dup", "dup", ""};

  @Test
  void everyRandomCombinationIsAnErrorOnAnElementOrCompiles() {
    Random random = new Random(SEED);
    List<String> problems = new ArrayList<>();
    int compiled = 0;
    for (int i = 0; i < CASES; i++) {
      String source = sourceClass(random);
      String features = featureClass(random, i);
      Compilation compilation = compile(source, features, i);
      check(i, compilation, features).ifPresent(problems::add);
      compiled += compilation.status() == Compilation.Status.SUCCESS ? 1 : 0;
    }
    // Guards the generator: a run of only errors would check nothing about generated code.
    assertTrue(compiled >= CASES / 10, "only " + compiled + " of " + CASES + " cases compiled");
    if (!problems.isEmpty()) {
      fail(problems.size() + " of " + CASES + " cases broke the promise (seed " + SEED + "):\n"
          + String.join("\n\n", problems));
    }
  }

  private static Compilation compile(String source, String features, int i) {
    try {
      return Compiler.javac().withProcessors(new FeatureGroupProcessor()).compile(
          JavaFileObjects.forSourceString("test.Src", source),
          JavaFileObjects.forSourceString("test.Features" + i, features));
    } catch (RuntimeException crash) {
      throw new AssertionError("case " + i + " crashed the compiler:\n" + features, crash);
    }
  }

  private static java.util.Optional<String> check(int i, Compilation compilation, String code) {
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      String message = d.getMessage(null);
      boolean ours = message.startsWith("[FSDK") && !message.startsWith("[FSDK099]");
      boolean error = d.getKind() == Diagnostic.Kind.ERROR;
      boolean onUserClass = d.getSource() != null
          && d.getSource().getName().contains("Features" + i) && d.getLineNumber() > 0;
      if (error && !(ours && onUserClass) || message.startsWith("[FSDK099]")) {
        return java.util.Optional.of("case " + i + ": " + d.getKind() + " "
            + (d.getSource() == null ? "(no source)" : d.getSource().getName())
            + ":" + d.getLineNumber() + " " + message + "\n" + code);
      }
    }
    return java.util.Optional.empty();
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String sourceClass(Random random) {
    StringBuilder out = new StringBuilder("package test;\n\npublic class Src {\n");
    Set<String> names = new LinkedHashSet<>(List.of("time"));
    out.append("  public long time;\n");
    int count = 2 + random.nextInt(6);
    while (names.size() < count) {
      String name = pick(random, SOURCE_NAMES);
      if (names.add(name)) {
        out.append("  public ").append(pick(random, SOURCE_TYPES)).append(' ').append(name)
            .append(";\n");
      }
    }
    return out.append("}\n").toString();
  }

  private static String featureClass(Random random, int i) {
    StringBuilder out = new StringBuilder("package test;\n\nimport io.featuresdk.annotations.*;\n\n");
    String source = random.nextInt(15) == 0 ? (random.nextBoolean() ? "int" : "Src[]") : "Src";
    String eventTime = random.nextInt(6) == 0 ? pick(random, SOURCE_NAMES) : "time";
    out.append("@FeatureGroup(name = \"").append(pick(random, GROUP_NAMES))
        .append("\", source = ").append(source).append(".class, eventTime = \"").append(eventTime)
        .append("\", version = ").append(random.nextInt(8) == 0 ? 0 : 1)
        .append(", maxOutOfOrderness = \"")
        .append(random.nextInt(5) == 0 ? pick(random, DURATIONS) : "0s").append("\")\n");
    int windows = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3);
    for (int w = 0; w < windows; w++) {
      String size = random.nextInt(3) == 0 ? pick(random, DURATIONS) : pick(random,
          new String[] {"1m", "5m", "1h", "24h", "1d"});
      String label = pick(random, LABELS);
      String labelMember = label == null ? "" : ", label = \"" + label + "\"";
      if (random.nextBoolean()) {
        out.append("@TumblingWindow(size = \"").append(size).append('"').append(labelMember)
            .append(")\n");
      } else {
        String slide = random.nextInt(3) == 0 ? pick(random, DURATIONS) : "1m";
        out.append("@SlidingWindow(size = \"").append(size).append("\", slide = \"").append(slide)
            .append('"').append(labelMember).append(")\n");
      }
    }
    boolean inherits = random.nextInt(20) == 0;
    out.append("public class Features").append(i)
        .append(inherits ? " extends Base" + i : "").append(" {\n");
    if (random.nextInt(5) > 0) {
      out.append("  @PrimaryKey(from = \"").append(random.nextBoolean() ? "id" : "user")
          .append("\") String key;\n");
    }
    if (random.nextInt(5) > 0) {
      out.append("  @WindowEnd java.time.Instant windowEnd;\n");
    }
    Set<String> names = new LinkedHashSet<>();
    int fields = random.nextInt(6);
    for (int f = 0; f < fields; f++) {
      String name = pick(random, FIELD_NAMES);
      if (!names.add(name)) {
        continue;
      }
      String role = String.format(pick(random, ROLES), pick(random, SOURCE_NAMES));
      String featureName = pick(random, FEATURE_NAMES);
      if (featureName != null && role.startsWith("@") && !role.startsWith("@PrimaryKey")
          && !role.equals("@WindowEnd") && !role.equals("@WindowStart")) {
        role = role.endsWith(")")
            ? role.substring(0, role.length() - 1).replace("(\"", "(value = \"")
                + ", name = \"" + featureName + "\")"
            : role + "(name = \"" + featureName + "\")";
      }
      String modifier = pick(random, MODIFIERS);
      String type = pick(random, FIELD_TYPES);
      out.append("  ").append(role).append(role.isEmpty() ? "" : " ").append(modifier)
          .append(type).append(' ').append(name)
          .append(modifier.startsWith("final") ? " = " + zero(type) : "").append(";\n");
      if (modifier.startsWith("private") && random.nextBoolean()) {
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        out.append("  public ").append(type).append(" get").append(cap).append("() { return ")
            .append(name).append("; }\n");
        out.append("  public void set").append(cap).append('(').append(type)
            .append(" v) { this.").append(name).append(" = v; }\n");
      }
    }
    out.append("}\n");
    if (inherits) {
      out.append("\nclass Base").append(i).append(" { @Count long inherited; }\n");
    }
    return out.toString();
  }

  private static String zero(String type) {
    return switch (type) {
      case "long", "double", "int", "float", "short" -> "0";
      case "boolean" -> "false";
      default -> "null";
    };
  }
}
