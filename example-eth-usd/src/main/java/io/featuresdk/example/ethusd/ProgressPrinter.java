package io.featuresdk.example.ethusd;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Prints the progress line every few seconds while the job runs, and once more when it ends. On a
 * terminal it rewrites one line in place; piped into a file it prints plain lines.
 */
final class ProgressPrinter {
  /** How often the line is printed. */
  static final long INTERVAL_SECONDS = 5;
  /** Carriage return, then erase to the end of the line (ANSI). */
  private static final String REWRITE = "\r\033[K";

  private final PrintStream out;
  private final boolean inPlace;
  private final LongSupplier clock;
  private final ScheduledExecutorService timer;
  private ProgressSnapshot previous;
  private boolean printed;

  private ProgressPrinter(PrintStream out, boolean inPlace, LongSupplier clock) {
    this.out = out;
    this.inPlace = inPlace;
    this.clock = clock;
    this.previous = ProgressSnapshot.of(List.of(), clock.getAsLong());
    this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "progress-line");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Starts printing.
   *
   * @param inPlace rewrite one line (for a terminal) instead of printing one line each time
   */
  static ProgressPrinter start(PrintStream out, boolean inPlace) {
    ProgressPrinter printer = new ProgressPrinter(out, inPlace, System::currentTimeMillis);
    printer.timer.scheduleAtFixedRate(
        printer::print, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
    return printer;
  }

  /**
   * Stops the timer.
   *
   * @param printLast print the line a last time, with the counts of the finished job
   */
  void stop(boolean printLast) {
    timer.shutdown();
    try {
      timer.awaitTermination(INTERVAL_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (printLast) {
      print();
    }
    if (inPlace && printed) {
      out.println();
    }
    out.flush();
  }

  private synchronized void print() {
    ProgressSnapshot now = ProgressSnapshot.of(ProgressMetrics.current(), clock.getAsLong());
    String line = "progress: " + ProgressLine.format(now, previous);
    previous = now;
    if (inPlace) {
      out.print(REWRITE + line);
    } else {
      out.println(line);
    }
    out.flush();
    printed = true;
  }
}
