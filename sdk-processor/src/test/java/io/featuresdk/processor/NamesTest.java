package io.featuresdk.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

  @ParameterizedTest
  @CsvSource({
      "'', fallback",
      "{windows}, windows",
      "_prices, prices",
      "ETH-USD Prices, eth_usd_prices",
      "9lives, lives",
      "___, fallback",
      "priceAvg, price_avg",
  })
  void suggestionsAreCleanedUpNames(String raw, String suggested) {
    assertEquals(suggested, Names.suggest(raw, "fallback", Names.MAX_LENGTH));
  }

  @Test
  void everySuggestionIsAValidNameWhateverTheInput() {
    Random random = new Random(7);
    String alphabet = "aZ_9 -{}.$éß\u0000xY";
    for (int i = 0; i < 10_000; i++) {
      StringBuilder raw = new StringBuilder();
      for (int n = random.nextInt(80); n > 0; n--) {
        raw.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String suggested = Names.suggest(raw.toString(), "fallback", 1 + random.nextInt(63));
      assertTrue(Names.isValid(suggested), () -> "\"" + raw + "\" -> \"" + suggested + "\"");
    }
  }

  @Test
  void articlesFollowTheSound() {
    assertEquals("an interface", Names.withArticle("interface"));
    assertEquals("an enum", Names.withArticle("enum"));
    assertEquals("a record", Names.withArticle("record"));
  }
}
