package io.featuresdk.processor;

/** {@code @First}: the value of the earliest event; of equal times, the first to arrive. */
final class FirstPart extends ByTimePart {
  FirstPart() {
    super("io.featuresdk.annotations.First", "<");
  }
}
