package io.featuresdk.runtime.window;

import static io.featuresdk.runtime.ReadmeText.RUNTIME;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which layout and which windows the sliced engine answers from two stacks, as sdk-runtime's README states it. */
class StackThresholdReadmeTest {

  @Test
  void groupsUpToTheStatedSlicesArePacked() {
    assertEquals(RUNTIME.number("largest window has at most (\\d+) slices all of a key's slices are one keyed value"),
        SlicedWindowOperator.PACKED_LAYOUT_MAX_SLICES);
  }

  @Test
  void largerGroupsAnswerWindowsOfMoreThanTheStatedSlicesFromTwoStacks() {
    assertEquals(RUNTIME.number("In groups of more than (\\d+) slices, windows of more than \\d+ slices"),
        SlicedWindowOperator.PACKED_LAYOUT_MAX_SLICES);
    assertEquals(RUNTIME.number("(?s)windows of more than (\\d+) slices [^*]*?are\\s+answered from \\*\\*two stacks\\*\\*"),
        SlicedWindowOperator.DEFAULT_STACK_THRESHOLD);
  }
}
