package io.featuresdk.runtime.source.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featuresdk.runtime.source.websocket.MessageAgeTest.ManualClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingWriterTest {

  @TempDir Path dir;

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T12:00:00Z"));

  @Test
  void rotatesBySizeAndKeepsEveryLineInOrder() throws IOException {
    List<RecordedLine> lines = new ArrayList<>();
    try (RecordingWriter writer = new RecordingWriter(RecordingOptions.in(dir).rotateAtBytes(200), "p0", clock)) {
      for (int i = 0; i < 20; i++) {
        RecordedLine line = RecordedLine.message(i, "{\"n\":" + i + ",\"pad\":\"" + "x".repeat(40) + "\"}");
        lines.add(line);
        writer.write(line);
      }
    }
    List<Path> files = listed();
    assertTrue(files.size() >= 5, "rotated into " + files);
    assertEquals(lines, readAll(files));
  }

  @Test
  void rotatesByAgeOnTheInjectedClock() throws IOException {
    try (RecordingWriter writer = new RecordingWriter(
        RecordingOptions.in(dir).rotateEvery(Duration.ofMinutes(10)), "p0", clock)) {
      writer.write(RecordedLine.message(1, "a"));
      clock.advance(Duration.ofMinutes(9));
      writer.write(RecordedLine.message(2, "b"));
      clock.advance(Duration.ofMinutes(1));
      writer.write(RecordedLine.message(3, "c"));
      assertEquals(1, writer.finishedFiles().size());
    }
    List<Path> files = listed();
    assertEquals(2, files.size());
    assertEquals(List.of(RecordedLine.message(1, "a"), RecordedLine.message(2, "b")), readAll(files.subList(0, 1)));
  }

  @Test
  void gzipFilesAreCompressedAndHiddenWhileInProgress() throws IOException {
    RecordingWriter writer = new RecordingWriter(RecordingOptions.in(dir).gzip(true).prefix("coinbase"), "p3", clock);
    writer.write(RecordedLine.connected(5));
    writer.write(RecordedLine.message(6, "{\"type\":\"ticker\"}"));
    writer.flush();
    assertEquals(List.of(), listed(), "only a hidden in-progress file while writing");
    try (Stream<Path> all = Files.list(dir)) {
      assertEquals(1, all.filter(p -> p.getFileName().toString().startsWith(".")).count());
    }
    writer.close();
    List<Path> files = listed();
    assertEquals(1, files.size());
    String name = files.get(0).getFileName().toString();
    assertTrue(name.matches("coinbase-20261123T120000\\.000Z-p3-000001\\.jsonl\\.gz"), name);
    assertEquals(List.of(RecordedLine.connected(5), RecordedLine.message(6, "{\"type\":\"ticker\"}")), readAll(files));
  }

  private List<Path> listed() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().collect(Collectors.toList());
    }
  }

  static List<RecordedLine> readAll(List<Path> files) throws IOException {
    List<RecordedLine> lines = new ArrayList<>();
    for (Path file : files) {
      InputStream in = Files.newInputStream(file);
      if (file.toString().endsWith(".gz")) {
        in = new GZIPInputStream(in);
      }
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          lines.add(RecordedLine.decode(line));
        }
      }
    }
    return lines;
  }
}
