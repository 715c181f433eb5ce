package io.featuresdk.runtime.source.recording;

import java.util.Objects;

/**
 * One line of a recording: a raw message, or the marker that a new connection was opened, with the time the
 * source took it from its hand-off queue (microseconds since the epoch, the task manager's clock; later than the
 * arrival on the socket by the time the message waited in the queue).
 *
 * <p>Format (JSON lines, one object per line, written and read by this class only):
 * <pre>
 * {"received_us":1763891052345678,"message":"{\"type\":\"ticker\",...}"}
 * {"received_us":1763891060000000,"event":"connected"}
 * </pre>
 * The message is kept as a JSON string, so any payload (including malformed ones and ones with line breaks)
 * survives byte for byte and is parsed again, by the same parser, on replay.
 */
public final class RecordedLine {

  private static final String PREFIX = "{\"received_us\":";
  private static final String MESSAGE = ",\"message\":\"";
  private static final String CONNECTED = ",\"event\":\"connected\"}";

  private final long receivedMicros;
  private final String message; // null = connection marker

  private RecordedLine(long receivedMicros, String message) {
    this.receivedMicros = receivedMicros;
    this.message = message;
  }

  public static RecordedLine message(long receivedMicros, String message) {
    return new RecordedLine(receivedMicros, Objects.requireNonNull(message, "message"));
  }

  public static RecordedLine connected(long receivedMicros) {
    return new RecordedLine(receivedMicros, null);
  }

  public long receivedMicros() {
    return receivedMicros;
  }

  /** True for the marker written when a (re)connection was opened. */
  public boolean isConnected() {
    return message == null;
  }

  /** The raw message; {@code null} for a connection marker. */
  public String message() {
    return message;
  }

  /** The line, without the line break. */
  public String encode() {
    if (message == null) {
      return PREFIX + receivedMicros + CONNECTED;
    }
    StringBuilder s = new StringBuilder(message.length() + 48);
    s.append(PREFIX).append(receivedMicros).append(MESSAGE);
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      switch (c) {
        case '"': s.append("\\\""); break;
        case '\\': s.append("\\\\"); break;
        case '\n': s.append("\\n"); break;
        case '\r': s.append("\\r"); break;
        case '\t': s.append("\\t"); break;
        default:
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
      }
    }
    return s.append("\"}").toString();
  }

  /**
   * Reads a line written by {@link #encode()}.
   *
   * @throws IllegalArgumentException if the line is not such a line (for example cut off by a crash)
   */
  public static RecordedLine decode(String line) {
    if (!line.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a recorded line: does not start with " + PREFIX);
    }
    int i = PREFIX.length();
    int digitsStart = i;
    while (i < line.length() && (Character.isDigit(line.charAt(i)) || (i == digitsStart && line.charAt(i) == '-'))) {
      i++;
    }
    long received;
    try {
      received = Long.parseLong(line.substring(digitsStart, i));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a recorded line: bad received_us", e);
    }
    if (line.startsWith(CONNECTED, i) && i + CONNECTED.length() == line.length()) {
      return connected(received);
    }
    if (!line.startsWith(MESSAGE, i)) {
      throw new IllegalArgumentException("not a recorded line: neither a message nor a connection marker");
    }
    i += MESSAGE.length();
    StringBuilder s = new StringBuilder(line.length() - i);
    while (i < line.length()) {
      char c = line.charAt(i++);
      if (c == '"') {
        if (i + 1 != line.length() || line.charAt(i) != '}') {
          throw new IllegalArgumentException("not a recorded line: content after the message");
        }
        return message(received, s.toString());
      }
      if (c != '\\') {
        s.append(c);
        continue;
      }
      if (i >= line.length()) {
        break;
      }
      char e = line.charAt(i++);
      switch (e) {
        case '"': s.append('"'); break;
        case '\\': s.append('\\'); break;
        case '/': s.append('/'); break;
        case 'n': s.append('\n'); break;
        case 'r': s.append('\r'); break;
        case 't': s.append('\t'); break;
        case 'b': s.append('\b'); break;
        case 'f': s.append('\f'); break;
        case 'u':
          if (i + 4 > line.length()) {
            throw new IllegalArgumentException("not a recorded line: cut-off \\u escape");
          }
          try {
            s.append((char) Integer.parseInt(line.substring(i, i + 4), 16));
          } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("not a recorded line: bad \\u escape", ex);
          }
          i += 4;
          break;
        default:
          throw new IllegalArgumentException("not a recorded line: bad escape \\" + e);
      }
    }
    throw new IllegalArgumentException("not a recorded line: the message string is not closed (cut off?)");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordedLine && ((RecordedLine) o).receivedMicros == receivedMicros
        && Objects.equals(((RecordedLine) o).message, message);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(receivedMicros) * 31 + Objects.hashCode(message);
  }

  @Override
  public String toString() {
    return encode();
  }
}
