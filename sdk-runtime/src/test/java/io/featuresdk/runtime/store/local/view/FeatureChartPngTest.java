package io.featuresdk.runtime.store.local.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.store.local.LocalFeatureStoreReader;
import io.featuresdk.runtime.store.local.ViewedStore;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PNG of a group's features: its size, and that it is a drawing, not a blank page. */
class FeatureChartPngTest {
  /** The line colour FeatureChartPng draws every feature in. */
  private static final int LINE_RGB = 0x2f6db5;

  @TempDir Path root;

  @Test
  void drawsOnePanelPerNumericFeatureWithItsLine() throws Exception {
    ViewedStore.write(root);
    Path file = root.resolve("charts/visits.png");
    FeatureSeries series;
    try (LocalFeatureStoreReader store = LocalFeatureStoreReader.open(root)) {
      series = FeatureSeries.read(store, store.group(ViewedStore.VISITS_GROUP, 1), "ann;/home");
    }

    Dimension size = FeatureChartPng.write(series, file);

    BufferedImage image = ImageIO.read(file.toFile());
    // visits, seconds_avg and order; the key parts, the timestamp and the boolean are not drawn
    assertEquals(3, series.features().size());
    assertEquals(FeatureChartPng.WIDTH, image.getWidth());
    assertEquals(size.height, image.getHeight());
    assertTrue(image.getHeight() >= 3 * FeatureChartPng.PANEL_HEIGHT, "height " + image.getHeight());
    long background = 0;
    long line = 0;
    double sum = 0;
    double squares = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        background += rgb == 0xffffff ? 1 : 0;
        line += near(rgb, LINE_RGB) ? 1 : 0;
        double grey = ((rgb >> 16) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3.0;
        sum += grey;
        squares += grey * grey;
      }
    }
    long pixels = (long) image.getWidth() * image.getHeight();
    double mean = sum / pixels;
    double variance = squares / pixels - mean * mean;
    assertTrue(background < pixels * 0.97, "almost blank: " + background + " of " + pixels + " white");
    assertTrue(variance > 100, "grey variance " + variance);
    // three lines that each cross most of the plot's width
    assertTrue(line > 3 * image.getWidth() / 2, line + " pixels in the line colour");
  }

  @Test
  void aGroupWithoutNumericFeaturesIsRefused() throws Exception {
    ViewedStore.write(root);
    try (LocalFeatureStoreReader store = LocalFeatureStoreReader.open(root)) {
      FeatureSeries series = FeatureSeries.read(store, store.group(ViewedStore.VISITS_GROUP, 1), "ann;/home");
      FeatureSeries none = new FeatureSeries(series.group(), series.key(), series.times(), Map.of());

      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
          () -> FeatureChartPng.write(none, root.resolve("none.png")));
      assertTrue(refused.getMessage().contains("no numeric feature"), refused.getMessage());
    }
  }

  private static boolean near(int rgb, int target) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((rgb >> shift) & 0xff) - ((target >> shift) & 0xff)) > 40) {
        return false;
      }
    }
    return true;
  }
}
