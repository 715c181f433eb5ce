package io.featuresdk.runtime.window;

import static io.featuresdk.runtime.ReadmeText.RUNTIME;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which windows the sliced engine answers from two stacks, as sdk-runtime's README states it. */
class StackThresholdReadmeTest {

  @Test
  void windowsOfMoreThanTheStatedSlicesUseTwoStacks() {
    assertEquals(RUNTIME.number("Windows of more than (\\d+) slices .*?are\\s+answered from \\*\\*two stacks\\*\\*"),
        SlicedWindowOperator.DEFAULT_STACK_THRESHOLD);
  }
}
