package io.featuresdk.example.ethusd;

import io.featuresdk.annotations.Avg;
import io.featuresdk.annotations.FeatureGroup;
import io.featuresdk.annotations.Max;
import io.featuresdk.annotations.Min;
import io.featuresdk.annotations.PrimaryKey;
import io.featuresdk.annotations.SlidingWindow;
import io.featuresdk.annotations.WindowEnd;
import java.time.Instant;

/**
 * The features of the row Hopsworks' own Python client wrote in the golden fixture
 * ({@code ../shared/fixtures/hopsworks/}): group {@code eth_usd_price_5m} v1 with ticker, timestamp and
 * average, minimum and maximum price. Compiled by the annotation processor like user code.
 */
@FeatureGroup(name = "eth_usd_price_{window}", version = 1, source = Ticker.class, eventTime = "time")
@SlidingWindow(size = "5m", slide = "1m")
public class GoldenPriceFeatures {
  @PrimaryKey(from = "productId")
  String ticker;

  @WindowEnd
  Instant timestamp;

  @Avg("price")
  double priceAvg;

  @Min("price")
  double priceMin;

  @Max("price")
  double priceMax;

  /** A row with these values; the golden test lives in the store's package. */
  public static GoldenPriceFeatures of(
      String ticker, Instant timestamp, double priceAvg, double priceMin, double priceMax) {
    GoldenPriceFeatures row = new GoldenPriceFeatures();
    row.ticker = ticker;
    row.timestamp = timestamp;
    row.priceAvg = priceAvg;
    row.priceMin = priceMin;
    row.priceMax = priceMax;
    return row;
  }

  public String getTicker() {
    return ticker;
  }

  public Instant getTimestamp() {
    return timestamp;
  }

  public double getPriceAvg() {
    return priceAvg;
  }

  public double getPriceMin() {
    return priceMin;
  }

  public double getPriceMax() {
    return priceMax;
  }
}
