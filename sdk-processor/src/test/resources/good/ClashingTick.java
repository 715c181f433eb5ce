package test;

/** A source whose field names are also names the generated input class uses. */
public record ClashingTick(String productId, long eventTimeMillis, double eventTimeMillis_, long time) {}
