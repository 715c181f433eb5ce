package io.featuresdk.runtime.store.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code LocalStoreCli chart} and the arguments of {@code serve}. */
class ViewCommandsTest {
  @TempDir Path root;

  private record Outcome(int status, String out, String err) {}

  @BeforeEach
  void setUp() throws Exception {
    ViewedStore.write(root);
  }

  private Outcome cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = LocalStoreCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void chartWritesAPngOfTheFirstKeyByDefault() throws Exception {
    Path png = root.resolve("visits.png");

    Outcome outcome = cli("chart", root.toString(), "--group", ViewedStore.VISITS_GROUP, "--out", png.toString());

    assertEquals(0, outcome.status(), outcome.err());
    String first = ViewedStore.visitKeys().first();
    int rows = ViewedStore.VISITS.get(first).size();
    assertTrue(outcome.out().contains("key " + first + ", " + rows + " rows"), outcome.out());
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1000, image.getWidth());
  }

  @Test
  void chartOfAnUnknownKeyNamesTheKnownOnes() {
    Outcome outcome = cli("chart", root.toString(), "--group", ViewedStore.VISITS_GROUP, "--key", "zoe;/",
        "--out", root.resolve("x.png").toString());

    assertEquals(1, outcome.status());
    assertTrue(outcome.err().contains("ann;/home"), outcome.err());
  }

  @Test
  void badArgumentsAreRefusedWithTheUsage() {
    Outcome badPort = cli("serve", root.toString(), "--port", "70000");
    Outcome serveWithGroup = cli("serve", root.toString(), "--group", "x");
    Outcome chartWithoutGroup = cli("chart", root.toString());

    assertEquals(2, badPort.status());
    assertTrue(badPort.err().contains("--port needs a number from 0 to 65535"), badPort.err());
    assertEquals(2, serveWithGroup.status());
    assertTrue(serveWithGroup.err().contains("--group does not go with serve"), serveWithGroup.err());
    assertEquals(2, chartWithoutGroup.status());
    assertTrue(chartWithoutGroup.err().contains("chart needs --group"), chartWithoutGroup.err());
    assertTrue(chartWithoutGroup.err().contains("LocalStoreCli serve <store-dir>"), chartWithoutGroup.err());
  }
}
