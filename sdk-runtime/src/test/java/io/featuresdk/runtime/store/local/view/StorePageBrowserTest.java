package io.featuresdk.runtime.store.local.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.store.local.ViewedStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The store page in a real browser: Debian's headless Chromium, driven through Debian's
 * chromedriver. Skipped where they are not installed, except in CI ({@code CI=true}), whose
 * {@code .ci/run} installs them. Leaves a screenshot in {@code target/store-page.png}.
 */
class StorePageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String KEY = "ann;/home";
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir Path root;
  @TempDir Path profile;
  private StorePageServer page;
  private ChromeDriver browser;

  @BeforeEach
  void open() throws Exception {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!"true".equals(System.getenv("CI"))) {
      Assumptions.assumeTrue(installed, "Chromium and chromedriver are not installed "
          + "(apt-get install chromium chromium-driver)");
    }
    assertTrue(installed, CHROMIUM + " and " + CHROMEDRIVER + " are required in CI: .ci/run installs them");
    ViewedStore.write(root);
    page = StorePageServer.start(root, 0);

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
    browser = new ChromeDriver(driver, options);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
    if (page != null) {
      page.close();
    }
  }

  @Test
  void listsEveryGroupAndChartsEachFeatureOfTheChosenKeyFollowingTheWriter() throws Exception {
    browser.get(page.uri() + "#group=" + ViewedStore.VISITS_GROUP + "&version=1&key="
        + URLEncoder.encode(KEY, StandardCharsets.UTF_8));
    int rows = ViewedStore.VISITS.get(KEY).size();
    awaitCharts(3, rows);

    Set<String> listed = browser.findElements(By.cssSelector("#groups tbody tr")).stream()
        .map(row -> row.getAttribute("data-group"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(List.of(ViewedStore.VISITS_GROUP, ViewedStore.CLICKS_GROUP)), listed);
    assertEquals(ViewedStore.VISITS.size(), browser.findElements(By.cssSelector("#online tbody tr")).size());
    assertEquals(List.of("visits", "seconds_avg", "order"), browser.findElements(By.cssSelector(".chart"))
        .stream().map(chart -> chart.getAttribute("data-feature")).toList());
    // uPlot drew into a canvas of the size asked for
    WebElement canvas = browser.findElement(By.cssSelector(".chart canvas"));
    assertTrue(canvas.getSize().getWidth() > 300, "canvas " + canvas.getSize());

    Path screenshot = Path.of("target", "store-page.png");
    Files.createDirectories(screenshot.getParent());
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot,
        StandardCopyOption.REPLACE_EXISTING);

    // a job writes three more windows: the page follows without a reload
    ViewedStore.appendVisits(root, ViewedStore.laterVisits(3));
    awaitCharts(3, rows + 3);

    // another key
    new Select(browser.findElement(By.id("key"))).selectByVisibleText("bob;/cart");
    awaitCharts(3, ViewedStore.VISITS.get("bob;/cart").size());

    List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
        .toList();
    assertEquals(List.of(), errors, "the browser console reported problems");
  }

  /** Waits until {@code charts} charts each drew {@code points} points. */
  private void awaitCharts(int charts, int points) {
    String expected = String.valueOf(points);
    new WebDriverWait(browser, PATIENCE).withMessage(() -> "charts with " + points + " points; page: "
            + browser.findElements(By.cssSelector(".chart")).stream()
                .map(c -> c.getAttribute("data-feature") + "=" + c.getAttribute("data-points")).toList()
            + ", status: " + browser.findElement(By.id("status")).getText())
        .until(b -> {
          List<WebElement> drawn = b.findElements(By.cssSelector(".chart"));
          return drawn.size() == charts
              && drawn.stream().allMatch(c -> expected.equals(c.getAttribute("data-points")));
        });
  }
}
