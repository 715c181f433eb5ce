package test;

/** A trade event as a record, with epoch-millisecond time and boxed, nullable fields. */
public record Trade(String venue, int symbolId, long tsMillis, Integer qty, Long notional, String side) {}
