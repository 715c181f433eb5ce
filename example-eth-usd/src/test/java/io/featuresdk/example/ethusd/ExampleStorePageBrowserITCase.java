package io.featuresdk.example.ethusd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.featuresdk.runtime.spi.FeatureGroupInfo;
import io.featuresdk.runtime.spi.WindowSpec;
import io.featuresdk.runtime.store.local.view.HeadlessChromium;
import io.featuresdk.runtime.store.local.view.StorePageServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The store page in headless Chromium over the store the example writes: every group listed, and
 * for each group one chart per feature with one point per complete window of ETH-USD that the
 * brute-force oracle computes from the events the offline feed served. Leaves a screenshot in
 * {@code target/eth-usd-store-page.png}.
 */
class ExampleStorePageBrowserITCase {
  /** One chart per numeric feature: PriceFeatures' fields of a number type, counted from the class. */
  private static final int FEATURES = (int) Arrays.stream(PriceFeatures.class.getDeclaredFields())
      .filter(field -> !Modifier.isStatic(field.getModifiers()))
      .filter(field -> Set.of(double.class, float.class, long.class, int.class, Double.class,
          Float.class, Long.class, Integer.class).contains(field.getType()))
      .count();

  @TempDir Path store;
  @TempDir Path profile;

  @Test
  void everyGroupOfTheExampleIsListedAndChartedWithTheOraclesWindows() throws Exception {
    ChromeDriver browser = HeadlessChromium.start(profile);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int status = EthUsdFeaturePipeline.run(
          new String[] {"--hours", "1", "--store", store.toString(), "--web-ui-port", "0", "--quiet"},
          new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
      assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
      TickerGenerator generator = TickerGenerator.defaults().withSpan(Duration.ofHours(1));
      List<BruteForceOracle.Event> served =
          BruteForceOracle.inArrivalOrder(generator.generate(List.of("ETH-USD")));
      long from = generator.start().toEpochMilli();
      long until = generator.start().plus(generator.span()).toEpochMilli();
      FeatureGroupInfo info = PriceFeatures_FeatureGroup.instance().info();

      try (StorePageServer page = StorePageServer.start(store, 0)) {
        browser.get(page.uri().toString());
        Set<String> groups = info.windows().stream().map(info::groupName)
            .collect(Collectors.toCollection(TreeSet::new));
        HeadlessChromium.awaitGroups(browser, groups);
        for (WindowSpec window : info.windows()) {
          String group = info.groupName(window);
          // the offline store holds the windows the feed's range covers completely
          long windows = BruteForceOracle.inside(
                  BruteForceOracle.rows(served, window.sizeMillis(), window.slideMillis()),
                  window.sizeMillis(), from, until)
              .values().stream().filter(row -> row.key().equals("ETH-USD")).count();

          HeadlessChromium.click(browser, "#groups tr[data-group='" + group + "']");

          HeadlessChromium.awaitCharts(browser, FEATURES, (int) windows);
        }
        HeadlessChromium.screenshot(browser, Path.of("target", "eth-usd-store-page.png"));
        assertEquals(List.of(), HeadlessChromium.consoleProblems(browser),
            "the browser console reported problems");
      }
    } finally {
      browser.quit();
    }
  }
}
