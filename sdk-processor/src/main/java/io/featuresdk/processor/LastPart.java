package io.featuresdk.processor;

/** {@code @Last}: the value of the latest event; of equal times, the last to arrive. */
final class LastPart extends ByTimePart {
  LastPart() {
    super("io.featuresdk.annotations.Last", ">=");
  }
}
