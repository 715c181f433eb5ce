package io.featuresdk.processor;

/** {@code @Min}: the smallest non-null value of a numeric source field. */
final class MinPart extends ExtremumPart {
  MinPart() {
    super("io.featuresdk.annotations.Min", "min", "<");
  }
}
