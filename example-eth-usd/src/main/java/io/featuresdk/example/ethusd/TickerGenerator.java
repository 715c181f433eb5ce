package io.featuresdk.example.ethusd;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic synthetic Coinbase trades: the same settings and product ids always give the same
 * {@link Ticker} sequence, so a test can serve the events with {@link OfflineCoinbaseFeed} and compute its
 * expected results independently from {@link #generate(List)}.
 *
 * <p>Model (per product): taker orders arrive as a Poisson process, at a rate that makes {@code ticksPerSecond}
 * trades per second across all products (each order picks a product uniformly); the price is a geometric random walk (0.01 % standard deviation per
 * trade, about 0.85 % per hour at 2 trades/s) rounded to the cent; the taker side is buy or sell with equal
 * probability; two trades in three happen at the touch (a buy at the best ask, a sell at the best bid, the other
 * side 1-5 cents away), one in three strictly inside the spread (both sides 1-5 cents away), as on Coinbase.
 * About one trade in eight is a taker order that matches several makers: it is followed by 1-3 more trades of
 * the same product and side at the same {@code time}, each a cent further. Sizes are log-normal with a median of
 * 0.05 units, in steps of 1e-8; sequence numbers increase by 1-40 per ticker (strictly increasing but, as in the
 * live ticker channel, not contiguous); trade ids increase by exactly 1 per product, as on Coinbase.
 *
 * <p><b>Bounded disorder.</b> About one ticker in twenty carries a time up to 2 s (exclusive) before the
 * generator's clock, so event times are slightly out of order: every ticker's time is greater than the largest
 * time seen before it minus 2 s. Times never precede {@code start}; all are in {@code [start, start + span)}.
 */
public final class TickerGenerator {

  public static final long DEFAULT_SEED = 20_261_123L;
  public static final Instant DEFAULT_START = Instant.parse("2026-11-23T00:00:00Z");
  public static final Duration DEFAULT_SPAN = Duration.ofHours(6);
  public static final double DEFAULT_TICKS_PER_SECOND = 2.0;
  /** Upper bound (exclusive) of how far a ticker's time may lag behind the latest time before it. */
  public static final Duration MAX_DISORDER = Duration.ofSeconds(2);

  /** Products the generator (and so the offline feed) knows, with their opening prices in cents. */
  private static final Map<String, Long> OPENING_CENTS = new LinkedHashMap<>();

  static {
    OPENING_CENTS.put("ETH-USD", 341_257L);
    OPENING_CENTS.put("BTC-USD", 9_012_500L);
    OPENING_CENTS.put("SOL-USD", 14_231L);
    OPENING_CENTS.put("LTC-USD", 8_107L);
  }

  private static final double SIGMA_PER_TICK = 0.0001;
  /** One taker order in this many fills 1-3 further makers (2 on average). */
  private static final int MULTI_FILL_ODDS = 8;
  private static final double TRADES_PER_ORDER = 1 + 2.0 / MULTI_FILL_ODDS;

  private final long seed;
  private final Instant start;
  private final Duration span;
  private final double ticksPerSecond;

  public TickerGenerator(long seed, Instant start, Duration span, double ticksPerSecond) {
    if (span.isNegative() || span.isZero()) {
      throw new IllegalArgumentException("span must be positive, was " + span);
    }
    if (!(ticksPerSecond > 0) || Double.isInfinite(ticksPerSecond)) {
      throw new IllegalArgumentException("ticksPerSecond must be positive, was " + ticksPerSecond);
    }
    this.seed = seed;
    this.start = start.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    this.span = span;
    this.ticksPerSecond = ticksPerSecond;
  }

  /** Six hours from 2026-11-23T00:00Z at 2 trades per second: about 43 200 tickers. */
  public static TickerGenerator defaults() {
    return new TickerGenerator(DEFAULT_SEED, DEFAULT_START, DEFAULT_SPAN, DEFAULT_TICKS_PER_SECOND);
  }

  /** The same settings with another span of event time. */
  public TickerGenerator withSpan(Duration newSpan) {
    return new TickerGenerator(seed, start, newSpan, ticksPerSecond);
  }

  /** The price {@code productId} opens at (the offline feed's snapshot ticker on subscribe shows it). */
  static double openingPrice(String productId) {
    return OPENING_CENTS.get(productId) / 100.0;
  }

  /** Product ids this generator can produce. */
  public static Set<String> knownProducts() {
    return OPENING_CENTS.keySet();
  }

  public static boolean isKnownProduct(String productId) {
    return OPENING_CENTS.containsKey(productId);
  }

  public Instant start() {
    return start;
  }

  public Duration span() {
    return span;
  }

  /** All tickers for these products, in the order the offline feed sends them. */
  public List<Ticker> generate(List<String> productIds) {
    List<Ticker> all = new ArrayList<>();
    tickers(productIds).forEachRemaining(all::add);
    return all;
  }

  /** A fresh iterator over the tickers for these products (lazy: nothing is held in memory). */
  public Iterator<Ticker> tickers(List<String> productIds) {
    if (productIds.isEmpty()) {
      throw new IllegalArgumentException("at least one product id is needed");
    }
    for (String id : productIds) {
      if (!isKnownProduct(id)) {
        throw new IllegalArgumentException(id + " is not a known product; known: " + knownProducts());
      }
    }
    return new Walk(List.copyOf(productIds));
  }

  private final class Walk implements Iterator<Ticker> {
    private final List<String> products;
    private final Random random = new Random(seed);
    private final long[] cents;
    private final long[] sequence;
    private final long[] tradeId;
    private final long startMicros = toMicros(start);
    private final long endMicros = startMicros + span.toNanos() / 1_000;
    private long clockMicros = startMicros;
    private Ticker next;
    /** Further fills of the current taker order: same product, side and time. */
    private int fillsLeft;

    Walk(List<String> products) {
      this.products = products;
      int n = products.size();
      cents = new long[n];
      sequence = new long[n];
      tradeId = new long[n];
      for (int i = 0; i < n; i++) {
        cents[i] = OPENING_CENTS.get(products.get(i));
        sequence[i] = 52_318_064_877L + 1_000_000_000L * i;
        tradeId[i] = 612_349_871L + 10_000_000L * i;
      }
      next = advance();
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Ticker next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      Ticker current = next;
      next = advance();
      return current;
    }

    private Ticker advance() {
      if (fillsLeft > 0) {
        fillsLeft--;
        return nextFill(next);
      }
      double u = random.nextDouble();
      // orders arrive slower than trades by the mean number of trades per order, so trades keep ticksPerSecond
      long gap = Math.max(1, Math.round(-Math.log1p(-u) * 1_000_000 * TRADES_PER_ORDER / ticksPerSecond));
      clockMicros += gap;
      if (clockMicros >= endMicros) {
        return null;
      }
      int p = random.nextInt(products.size());
      cents[p] = Math.max(1, Math.round(cents[p] * Math.exp(random.nextGaussian() * SIGMA_PER_TICK)));
      boolean buy = random.nextBoolean();
      boolean insideSpread = random.nextInt(3) == 0;
      long below = insideSpread || buy ? 1 + random.nextInt(5) : 0;
      long above = insideSpread || !buy ? 1 + random.nextInt(5) : 0;
      long sizeUnits = size();
      sequence[p] += 1 + random.nextInt(40);
      tradeId[p] += 1;
      long lag = random.nextInt(20) == 0 ? random.nextInt((int) (MAX_DISORDER.toNanos() / 1_000)) : 0;
      long timeMicros = Math.max(startMicros, clockMicros - lag);
      fillsLeft = random.nextInt(MULTI_FILL_ODDS) == 0 ? 1 + random.nextInt(3) : 0;
      return new Ticker(products.get(p), sequence[p], cents[p] / 100.0, sizeUnits / 1e8,
          Math.max(cents[p] - below, 1) / 100.0, (cents[p] + above) / 100.0, buy ? "buy" : "sell", tradeId[p],
          instant(timeMicros));
    }

    /** The next maker filled by the taker of {@code previous}: a cent further into the book, same time. */
    private Ticker nextFill(Ticker previous) {
      int p = products.indexOf(previous.getProductId());
      boolean buy = previous.getSide().equals("buy");
      cents[p] = Math.max(2, cents[p] + (buy ? 1 : -1));
      sequence[p] += 1 + random.nextInt(3);
      tradeId[p] += 1;
      long spread = 1 + random.nextInt(5);
      return new Ticker(previous.getProductId(), sequence[p], cents[p] / 100.0, size() / 1e8,
          (buy ? cents[p] - spread : cents[p]) / 100.0, (buy ? cents[p] : cents[p] + spread) / 100.0,
          previous.getSide(), tradeId[p], previous.getTime());
    }

    private long size() {
      return Math.max(1, Math.round(Math.exp(random.nextGaussian() * 1.6 - 3.0) * 1e8));
    }
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
  }

  private static long toMicros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }
}
