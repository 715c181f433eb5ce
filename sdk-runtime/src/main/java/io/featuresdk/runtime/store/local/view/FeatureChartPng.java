package io.featuresdk.runtime.store.local.view;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Renders a {@link FeatureSeries} as a PNG with JFreeChart, without a display: one panel per
 * feature, stacked over a shared time axis (features differ in scale, so they do not share a
 * value axis). For people who do not run the store page, and for the README's picture.
 */
public final class FeatureChartPng {
  /** The picture's width in pixels. */
  public static final int WIDTH = 1000;
  /** The height in pixels of each feature's panel. */
  public static final int PANEL_HEIGHT = 150;
  private static final int TITLE_AND_AXIS_HEIGHT = 90;
  private static final Color LINE = new Color(0x2f, 0x6d, 0xb5);

  private FeatureChartPng() {}

  /**
   * Writes the chart of {@code series} to {@code file} and returns its size in pixels.
   *
   * @throws IllegalArgumentException if the series has no numeric feature to draw
   */
  public static Dimension write(FeatureSeries series, Path file) throws IOException {
    if (series.features().isEmpty()) {
      throw new IllegalArgumentException(
          "feature group " + series.group().name() + " has no numeric feature to chart");
    }
    // drawing into an image needs no display; this must be set before AWT starts, e.g. over SSH
    System.setProperty("java.awt.headless", "true");
    JFreeChart chart = chart(series);
    Dimension size =
        new Dimension(WIDTH, TITLE_AND_AXIS_HEIGHT + PANEL_HEIGHT * series.features().size());
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      ChartUtils.writeChartAsPNG(out, chart, size.width, size.height);
    }
    return size;
  }

  private static JFreeChart chart(FeatureSeries series) {
    DateAxis time = new DateAxis("event time (UTC)");
    time.setTimeZone(TimeZone.getTimeZone("UTC"));
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
    plot.setGap(8);
    for (Map.Entry<String, double[]> feature : series.features().entrySet()) {
      XYSeries points = new XYSeries(feature.getKey(), false, true);
      double[] values = feature.getValue();
      for (int i = 0; i < values.length; i++) {
        // a missing value is a gap in the line
        points.add(series.times().get(i).toEpochMilli(), Double.isFinite(values[i]) ? values[i] : null);
      }
      NumberAxis axis = new NumberAxis(feature.getKey());
      axis.setAutoRangeIncludesZero(false);
      XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
      renderer.setSeriesPaint(0, LINE);
      renderer.setSeriesStroke(0, new BasicStroke(1.5f));
      XYPlot panel = new XYPlot(new XYSeriesCollection(points), null, axis, renderer);
      panel.setBackgroundPaint(Color.WHITE);
      panel.setRangeGridlinePaint(Color.LIGHT_GRAY);
      panel.setDomainGridlinePaint(Color.LIGHT_GRAY);
      plot.add(panel);
    }
    JFreeChart chart = new JFreeChart(
        series.group().name() + " v" + series.group().version() + ", key " + series.key(),
        JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }
}
