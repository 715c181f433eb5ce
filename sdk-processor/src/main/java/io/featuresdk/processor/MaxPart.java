package io.featuresdk.processor;

/** {@code @Max}: the largest non-null value of a numeric source field. */
final class MaxPart extends ExtremumPart {
  MaxPart() {
    super("io.featuresdk.annotations.Max", "max", ">");
  }
}
