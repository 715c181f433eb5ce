package io.featuresdk.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
      "500ms, 500",
      "90s, 90000",
      "5m, 300000",
      "1h, 3600000",
      "1d, 86400000",
      "PT5M, 300000",
      "PT1H30M, 5400000",
      "-5s, -5000",
  })
  void parsesShortAndIsoForms(String text, long millis) {
    assertEquals(Optional.of(Duration.ofMillis(millis)), Durations.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "m", "5 m", "5min", "1.5h", "PT0.0005S", "P", "5M", "1w"})
  void rejectsEverythingElse(String text) {
    assertEquals(Optional.empty(), Durations.parse(text));
  }

  @ParameterizedTest
  @CsvSource({"300000, 5m", "3600000, 1h", "90000, 90s", "1500, 1500ms", "86400000, 1d"})
  void labelsUseTheLargestExactUnit(long millis, String label) {
    assertEquals(label, Durations.label(millis));
  }

  @ParameterizedTest
  @CsvSource({
      "priceAvg, price_avg",
      "trades, trades",
      "vwapUSD, vwap_usd",
      "URLCount, url_count",
      "price5mAvg, price5m_avg",
  })
  void featureNamesAreLowercaseSnakeCase(String field, String feature) {
    assertEquals(feature, Names.snakeCase(field));
  }
}
