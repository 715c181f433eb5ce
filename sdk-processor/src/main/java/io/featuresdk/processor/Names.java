package io.featuresdk.processor;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Hopsworks' naming rules for feature groups and features, and the valid names suggested in
 * messages: every name a message proposes passes {@link #problem}.
 */
final class Names {
  /** Hopsworks accepts lowercase names starting with a letter. */
  private static final Pattern HOPSWORKS_NAME = Pattern.compile("[a-z][a-z0-9_]*");
  /** Hopsworks' limit on feature group names (and a sane one for features). */
  static final int MAX_LENGTH = 63;

  private Names() {}

  /** Why {@code name} is not a valid Hopsworks name, or empty when it is one. */
  static Optional<String> problem(String name) {
    if (name.isEmpty()) {
      return Optional.of("it is empty");
    }
    if (name.length() > MAX_LENGTH) {
      return Optional.of("it has " + name.length() + " characters");
    }
    if (!HOPSWORKS_NAME.matcher(name).matches()) {
      return Optional.of(name.charAt(0) < 'a' || name.charAt(0) > 'z'
          ? "it does not start with a lowercase letter"
          : "it contains characters other than a-z, 0-9 and '_'");
    }
    return Optional.empty();
  }

  static boolean isValid(String name) {
    return problem(name).isEmpty();
  }

  /**
   * A valid name close to {@code raw}: snake case, other characters as {@code _}, without leading
   * digits or underscores, at most {@code maxLength} characters; {@code fallback} (itself valid)
   * when nothing usable is left.
   */
  static String suggest(String raw, String fallback, int maxLength) {
    String snake = snakeCase(raw).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_")
        .replaceAll("_+", "_")
        .replaceAll("^[^a-z]+", "")
        .replaceAll("_+$", "");
    if (snake.length() > maxLength) {
      snake = snake.substring(0, maxLength).replaceAll("_+$", "");
    }
    return isValid(snake) ? snake : fallback;
  }

  /** {@code priceAvg} becomes {@code price_avg}, {@code vwapUSD5m} becomes {@code vwap_usd5m}. */
  static String snakeCase(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean afterLowerOrDigit = i > 0
            && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
        boolean endsAcronym = i > 0 && Character.isUpperCase(name.charAt(i - 1))
            && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        if (afterLowerOrDigit || endsAcronym) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** "a record", "an interface", "an annotation type". */
  static String withArticle(String noun) {
    return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }
}
