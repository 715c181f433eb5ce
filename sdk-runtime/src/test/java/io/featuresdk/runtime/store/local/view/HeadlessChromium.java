package io.featuresdk.runtime.store.local.view;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, for the store page's browser
 * tests. Skips the test where they are not installed, except in CI ({@code CI=true}), whose
 * {@code .ci/run} installs them, where it fails instead.
 */
public final class HeadlessChromium {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private HeadlessChromium() {}

  /** Starts a browser with a new empty profile in {@code profile}; quit it when done. */
  public static ChromeDriver start(Path profile) {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!"true".equals(System.getenv("CI"))) {
      Assumptions.assumeTrue(installed, "Chromium and chromedriver are not installed "
          + "(apt-get install chromium chromium-driver)");
    }
    assertTrue(installed, CHROMIUM + " and " + CHROMEDRIVER + " are required in CI: .ci/run installs them");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // without the background-networking flags Chromium tries to reach Google's services
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,1500");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService driver = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    return new ChromeDriver(driver, options);
  }

  /** Waits until the page shows {@code charts} charts that each drew {@code points} points. */
  public static void awaitCharts(ChromeDriver browser, int charts, int points) {
    List<String> expected = Collections.nCopies(charts, String.valueOf(points));
    new WebDriverWait(browser, PATIENCE)
        .withMessage(() -> charts + " charts with " + points + " points; the page has: "
            + attributes(browser, ".chart", "points") + ", status: "
            + browser.findElement(By.id("status")).getText())
        .until(b -> expected.equals(attributes(browser, ".chart", "points")));
  }

  /** Waits until the page lists exactly {@code groups} (in any order). */
  public static void awaitGroups(ChromeDriver browser, Set<String> groups) {
    new WebDriverWait(browser, PATIENCE)
        .withMessage(() -> "groups " + groups + "; the page lists "
            + attributes(browser, "#groups tbody tr", "group"))
        .until(b -> groups.equals(new TreeSet<>(attributes(browser, "#groups tbody tr", "group"))));
  }

  /**
   * The {@code data-<name>} attribute of every element matching {@code selector}, read in one
   * script: the page rebuilds its tables on every refresh, which would leave element handles stale.
   */
  @SuppressWarnings("unchecked")
  public static List<String> attributes(ChromeDriver browser, String selector, String name) {
    return (List<String>) browser.executeScript(
        "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.dataset[arguments[1]] || '');",
        selector, name);
  }

  /** Clicks the first element matching {@code selector}, found and clicked in one script. */
  public static void click(ChromeDriver browser, String selector) {
    browser.executeScript("document.querySelector(arguments[0]).click();", selector);
  }

  /** The console's warnings and errors so far (failed requests show up here too). */
  public static List<LogEntry> consoleProblems(ChromeDriver browser) {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
        .toList();
  }

  /** Saves what the browser shows as a PNG, e.g. as a test artifact under target/. */
  public static void screenshot(ChromeDriver browser, Path file) throws Exception {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
  }
}
