package io.featuresdk.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
  /** Each case is a javac run; CI keeps 100, `-Dfeaturesdk.randomCases=2000` searches wider. */
  private static final int CASES = Integer.getInteger("featuresdk.randomCases", 100);

  private static final String[] SOURCE_TYPES = {
      "String", "int", "long", "double", "Double", "Integer", "Long", "boolean", "Boolean",
      "java.time.Instant", "float", "short", "byte", "java.math.BigDecimal", "int[]"};
  private static final String[] SOURCE_NAMES = {
      "id", "user", "price", "qty", "tip", "flag", "eventTimeMillis", "eventTimeMillis_", "time",
      "ts", "eventCount", "input", "acc", "record", "event", "source", "target", "copy", "key_price"};
  private static final String[] FIELD_TYPES = {
      "String", "long", "double", "Double", "int", "Integer", "Long", "float", "boolean",
      "java.time.Instant", "java.math.BigDecimal", "short", "java.util.List<Double>",
      "java.util.List<String>", "java.util.List<Integer>", "java.util.List<java.time.Instant>"};
  private static final String[] FIELD_NAMES = {
      "id", "user", "price", "total", "avgPrice", "n", "end", "start", "first", "last",
      "eventCount", "eventTimeMillis", "input", "acc", "row", "INSTANCE", "_x", "key_price",
      "priceSum", "price_sum", "tsMax", "record", "copy", "from", "source", "target"};
  private static final String[] ROLES = {
      "@PrimaryKey(from = \"%s\")", "@PrimaryKey", "@WindowEnd", "@WindowStart", "@Count",
      "@Sum(\"%s\")", "@Avg(\"%s\")", "@Min(\"%s\")", "@Max(\"%s\")", "@First(\"%s\")",
      "@Last(\"%s\")", "@StdDev(\"%s\")", "@Variance(value = \"%s\", population = true)",
      "@ApproxCountDistinct(\"%s\")", "@ApproxPercentile(value = \"%s\", p = 0.5)",
      "@CountDistinct(value = \"%s\", max = 10)", "@Count(where = \"%s\")",
      "@Min(value = \"%s\", where = \"price\")", "@Derived(\"%s\")",
      "@LastN(value = \"%s\", n = 3)", "@FirstN(value = \"%s\", n = 2, distinct = true)",
      "@TopK(value = \"%s\", k = 2)", ""};
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

  /** A source with the fields the valid features read, plus a few random ones. */
  private static String sourceClass(Random random) {
    StringBuilder out = new StringBuilder("package test;\n\npublic class Src {\n");
    Set<String> names = new LinkedHashSet<>(
        List.of("time", "id", "user", "price", "tip", "qty", "eventTimeMillis"));
    out.append("  public long time;\n  public String id;\n  public String user;\n")
        .append("  public double price;\n  public Double tip;\n  public int qty;\n")
        .append("  public long eventTimeMillis;\n");
    for (int extra = random.nextInt(4); extra > 0; extra--) {
      String name = pick(random, SOURCE_NAMES);
      if (names.add(name)) {
        out.append("  public ").append(pick(random, SOURCE_TYPES)).append(' ').append(name)
            .append(";\n");
      }
    }
    return out.append("}\n").toString();
  }

  /** Valid features over {@code Src}; each case starts from some of them. */
  private static final String[] VALID_FEATURES = {
      "@Count long n;", "@Sum(\"price\") double spend;", "@Avg(\"price\") double avgPrice;",
      "@Min(\"qty\") int minQty;", "@Max(\"tip\") Double maxTip;",
      "@First(\"eventTimeMillis\") long firstMillis;", "@Last(\"price\") double close;",
      "@WindowStart long windowStart;", "@Count(name = \"events\") int events;",
      "@Sum(\"tip\") Double tips;", "@StdDev(\"price\") Double priceStdDev;",
      "@ApproxPercentile(value = \"price\", p = 0.9) Double p90;",
      "@ApproxCountDistinct(\"user\") long users;",
      "@CountDistinct(value = \"user\", max = 100) long usersExact;",
      "@LastN(value = \"price\", n = 3) java.util.List<Double> lastPrices;",
      "@TopK(value = \"user\", k = 2) java.util.List<String> topUsers;"};
  /** Valid windows of distinct names; a case declares one to three of them. */
  private static final String[] VALID_WINDOWS = {
      "@TumblingWindow(size = \"1m\")", "@SlidingWindow(size = \"5m\", slide = \"1m\")",
      "@SlidingWindow(size = \"1h\", slide = \"5m\")", "@TumblingWindow(size = \"1d\")",
      "@SlidingWindow(size = \"24h\", slide = \"1h\", label = \"24h_hourly\")"};

  /**
   * A valid feature class with zero to three random mutations, so that some cases compile and
   * the others have few enough problems to exercise each check.
   */
  private static String featureClass(Random random, int i) {
    String name = "feat_{window}";
    String source = "Src";
    String eventTime = "time";
    String version = "1";
    String outOfOrderness = "30s";
    List<String> windows = new ArrayList<>();
    for (String window : VALID_WINDOWS) {
      if (random.nextInt(3) == 0 || (windows.isEmpty() && window.equals(VALID_WINDOWS[4]))) {
        windows.add(window);
      }
    }
    // by field name, so no case declares a field twice
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("key",
        "@PrimaryKey(from = \"" + (random.nextBoolean() ? "id" : "user") + "\") String key;");
    fields.put("windowEnd", "@WindowEnd java.time.Instant windowEnd;");
    for (String feature : VALID_FEATURES) {
      if (random.nextInt(3) == 0) {
        fields.put(feature.replaceAll(".* (\\w+);$", "$1"), feature);
      }
    }
    String extends_ = "";
    String after = "";
    for (int mutations = random.nextInt(4); mutations > 0; mutations--) {
      switch (random.nextInt(11)) {
        case 0 -> name = pick(random, GROUP_NAMES);
        case 1 -> source = random.nextBoolean() ? "int" : "Src[]";
        case 2 -> eventTime = pick(random, SOURCE_NAMES);
        case 3 -> version = "0";
        case 4 -> outOfOrderness = pick(random, DURATIONS);
        case 5 -> windows.add(randomWindow(random));
        case 6 -> windows.clear();
        case 7 -> {
          List<String> names = new ArrayList<>(fields.keySet());
          if (!names.isEmpty()) {
            fields.remove(names.get(random.nextInt(names.size())));
          }
        }
        case 8 -> {
          extends_ = " extends Base" + i;
          after = "\nclass Base" + i + " { @Count long inherited; }\n";
        }
        default -> {
          String fieldName = pick(random, FIELD_NAMES);
          fields.putIfAbsent(fieldName, randomField(random, fieldName));
        }
      }
    }
    StringBuilder out = new StringBuilder("package test;\n\nimport io.featuresdk.annotations.*;\n\n");
    out.append("@FeatureGroup(name = \"").append(name).append("\", source = ").append(source)
        .append(".class, eventTime = \"").append(eventTime).append("\", version = ")
        .append(version).append(", maxOutOfOrderness = \"").append(outOfOrderness).append("\")\n");
    for (String window : windows) {
      out.append(window).append('\n');
    }
    out.append("public class Features").append(i).append(extends_).append(" {\n");
    for (String field : fields.values()) {
      out.append("  ").append(field).append('\n');
    }
    return out.append("}\n").append(after).toString();
  }

  private static String randomWindow(Random random) {
    String label = pick(random, LABELS);
    String labelMember = label == null ? "" : ", label = \"" + label + "\"";
    String size = pick(random, DURATIONS);
    return random.nextBoolean()
        ? "@TumblingWindow(size = \"" + size + "\"" + labelMember + ")"
        : "@SlidingWindow(size = \"" + size + "\", slide = \"" + pick(random, DURATIONS) + "\""
            + labelMember + ")";
  }

  /** A field with a random role, feature name, modifier and type, possibly with accessors. */
  private static String randomField(Random random, String fieldName) {
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
    String field = (role.isEmpty() ? "" : role + " ") + modifier + type + " " + fieldName
        + (modifier.startsWith("final") ? " = " + zero(type) : "") + ";";
    if (modifier.startsWith("private") && random.nextBoolean()) {
      String cap = Character.toUpperCase(fieldName.charAt(0)) + fieldName.substring(1);
      field += " public " + type + " get" + cap + "() { return " + fieldName + "; }"
          + " public void set" + cap + "(" + type + " v) { this." + fieldName + " = v; }";
    }
    return field;
  }

  private static String zero(String type) {
    return switch (type) {
      case "long", "double", "int", "float", "short" -> "0";
      case "boolean" -> "false";
      default -> "null";
    };
  }
}
