package dev.click2call.emulator;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's journal: one JSON object per line, {@code {"at":<ms>,"kind":<kind>,...}}. Kinds:
 * launch, start, command, call, dial-ignored, message-sent, violation, hook, answered, ended, dtmf,
 * transfer, hold, ui, control, exit-at-once, exit, error.
 */
public final class Journal {
  private final Path file;

  public Journal(Path file) {
    this.file = file;
  }

  public synchronized void write(String kind, Map<String, ?> fields) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("at", System.currentTimeMillis());
    line.put("kind", kind);
    line.putAll(fields);
    try {
      Files.writeString(
          file,
          JSON.std.asString(line) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.println("emulator journal: " + e.getMessage());
    }
  }

  /** A command MicroSIP would have obeyed with harm (reset, account switch, password, message). */
  public void violation(String what, String text) {
    write("violation", Map.of("what", what, "text", text));
  }

  /** Every entry so far. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<Map<String, Object>> entries = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        entries.add((Map<String, Object>) JSON.std.anyFrom(line));
      }
    }
    return entries;
  }
}
