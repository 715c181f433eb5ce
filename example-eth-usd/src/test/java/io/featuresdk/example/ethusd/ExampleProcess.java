package io.featuresdk.example.ethusd;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The example's {@code main} in a child JVM, as {@code java -jar} runs it: the test class path, the
 * console logging configuration the jar ships, output captured in files.
 */
final class ExampleProcess implements AutoCloseable {
  private final Process process;
  private final Path out;
  private final Path err;
  private final long startNanos = System.nanoTime();

  private ExampleProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Starts the example with {@code args}; output goes to files in {@code work}. */
  static ExampleProcess start(Path work, Map<String, String> environment, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "-Dlog4j2.configurationFile=" + shippedLogConfiguration(),
        EthUsdFeaturePipeline.class.getName()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(work, "example", ".out");
    Path err = Files.createTempFile(work, "example", ".err");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(environment);
    return new ExampleProcess(builder.start(), out, err);
  }

  static ExampleProcess start(Path work, String... args) throws IOException {
    return start(work, Map.of(), args);
  }

  /** The log4j2.properties of the example jar (src/main/resources), not the tests' one. */
  private static Path shippedLogConfiguration() {
    try {
      return Path.of(EthUsdFeaturePipeline.class.getResource("/log4j2.properties").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits for the exit; fails if the process is still running after {@code timeout}. */
  Result finish(Duration timeout) throws IOException, InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the example did not exit within " + timeout + "; stderr:\n" + Files.readString(err));
    }
    return new Result(process.exitValue(), Duration.ofNanos(System.nanoTime() - startNanos),
        Files.readString(out), Files.readString(err));
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String stdout() throws IOException {
    return Files.readString(out);
  }

  /** kill -9: no shutdown hook, no clean-up, nothing flushed. */
  void killHard() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      killHard();
    }
  }

  /** How a run ended. */
  record Result(int exitCode, Duration elapsed, String stdout, String stderr) {
    /** The lines of stderr that the example printed itself (the log lines carry a time stamp). */
    List<String> errorLines() {
      return stderr.lines().filter(line -> line.startsWith("error: ")).toList();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + " after " + elapsed + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }
}
