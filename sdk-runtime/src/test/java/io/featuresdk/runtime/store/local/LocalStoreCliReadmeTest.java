package io.featuresdk.runtime.store.local;

import static io.featuresdk.runtime.ReadmeText.ROOT;
import static io.featuresdk.runtime.ReadmeText.RUNTIME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code LocalStoreCli} command the READMEs show is one the CLI accepts, and the store
 * page's stated defaults are the page's.
 */
class LocalStoreCliReadmeTest {
  /** A README command line: what follows the class name (or the root README's {@code $CLI}). */
  private static final Pattern COMMAND =
      Pattern.compile("^(?:\\$CLI|java -cp <classpath> io\\.featuresdk\\.runtime\\.store\\.local\\.LocalStoreCli) (.*)$",
          Pattern.MULTILINE);

  /** Stands for the READMEs' {@code feature-store}: the view commands want an existing directory. */
  @TempDir Path store;

  @Test
  void everyCommandTheReadmesShowParses() {
    List<String> commands = new ArrayList<>();
    for (String section : List.of(
        ROOT.section("Read both back with `LocalFeatureStoreReader`", "## The ETH-USD example"),
        RUNTIME.section("```\njava -cp <classpath>", "### The online table"))) {
      Matcher command = COMMAND.matcher(section);
      while (command.find()) {
        commands.add(command.group(1).replaceAll("\\s+#.*$", "").strip());
      }
    }
    assertTrue(commands.size() >= 12, "both READMEs' command blocks found: " + commands);
    for (String command : commands) {
      String[] args = command.replace("feature-store", store.toString()).split("\\s+");
      if (ViewCommands.handles(args)) {
        ViewCommands.Options.parse(args);
      } else {
        assertTrue(LocalStoreCli.Options.parse(args).root != null || Arrays.asList(args).contains("--help"), command);
      }
    }
  }

  @Test
  void storePageListensOnLoopbackAndPollsAsStated() throws IOException {
    ViewCommands.Options serve = ViewCommands.Options.parse(new String[] {"serve", store.toString()});
    assertEquals(ROOT.find("`serve` starts a read-only page on ([\\d.]+) \\(`--bind` to change").group(1), serve.bind);
    assertEquals(RUNTIME.find("the JDK's HTTP server,\\s+([\\d.]+) by default").group(1), serve.bind);
    long pollMillis = pagePollMillis();
    assertEquals(pollMillis, 1000 * ROOT.number("It polls every (\\d+) s, so it follows a job that is writing"));
    assertEquals(pollMillis, 1000 * RUNTIME.number("polled every (\\d+) s\\."));
  }

  /** The interval the page's script polls at, from the script the server serves. */
  private static long pagePollMillis() throws IOException {
    try (InputStream in = LocalStoreCliReadmeTest.class.getResourceAsStream("view/app.js")) {
      String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Matcher interval = Pattern.compile("const REFRESH_MS = (\\d+);").matcher(script);
      assertTrue(interval.find(), "app.js declares REFRESH_MS");
      assertTrue(script.contains("setInterval(refresh, REFRESH_MS)"), "app.js polls at REFRESH_MS");
      return Long.parseLong(interval.group(1));
    }
  }
}
