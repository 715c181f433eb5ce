package io.featuresdk.runtime.store.local.view;

import static io.featuresdk.runtime.store.local.view.HeadlessChromium.awaitCharts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.store.local.ViewedStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The store page in a real browser (see {@link HeadlessChromium}) over a store with known rows, to
 * which more rows are written while the page is open. Leaves a screenshot in
 * {@code target/store-page.png}.
 */
class StorePageBrowserTest {
  private static final String KEY = "ann;/home";

  @TempDir Path root;
  @TempDir Path profile;
  private StorePageServer page;
  private ChromeDriver browser;

  @BeforeEach
  void open() throws Exception {
    browser = HeadlessChromium.start(profile);
    ViewedStore.write(root);
    page = StorePageServer.start(root, 0);
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
    awaitCharts(browser, 3, rows);

    assertEquals(new TreeSet<>(List.of(ViewedStore.VISITS_GROUP, ViewedStore.CLICKS_GROUP)),
        new TreeSet<>(HeadlessChromium.attributes(browser, "#groups tbody tr", "group")));
    assertEquals(ViewedStore.VISITS.size(), browser.findElements(By.cssSelector("#online tbody tr")).size());
    assertEquals(List.of("visits", "seconds_avg", "order"),
        HeadlessChromium.attributes(browser, ".chart", "feature"));
    // uPlot drew into a canvas of the size asked for
    WebElement canvas = browser.findElement(By.cssSelector(".chart canvas"));
    assertTrue(canvas.getSize().getWidth() > 300, "canvas " + canvas.getSize());
    HeadlessChromium.screenshot(browser, Path.of("target", "store-page.png"));

    // a job writes three more windows: the page follows without a reload
    ViewedStore.appendVisits(root, ViewedStore.laterVisits(3));
    awaitCharts(browser, 3, rows + 3);

    // another key
    new Select(browser.findElement(By.id("key"))).selectByVisibleText("bob;/cart");
    awaitCharts(browser, 3, ViewedStore.VISITS.get("bob;/cart").size());

    assertEquals(List.of(), HeadlessChromium.consoleProblems(browser), "the browser console reported problems");
  }
}
