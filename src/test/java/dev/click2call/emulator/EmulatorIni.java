package dev.click2call.emulator;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The emulator's own reading and writing of its ini, the way the Windows profile API and MicroSIP
 * do it (independent of the product's ini code, so tests compare two implementations): UTF-16LE
 * with BOM (an ANSI file is converted in place), case-insensitive sections and keys, the first
 * match wins, one pair of outer quotes stripped, values cut to 255 characters.
 */
final class EmulatorIni {
  static final int BUFFER_CHARS = 255;

  private EmulatorIni() {}

  static List<String> readLines(Path file) throws IOException {
    if (!Files.exists(file) || Files.size(file) == 0) {
      write(file, List.of("[Settings]"));
    }
    byte[] bytes = Files.readAllBytes(file);
    String text;
    if (bytes.length >= 2 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) {
      text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    } else {
      text = new String(bytes, Charset.forName("windows-1252"));
      write(file, List.of(text.split("\r?\n", -1))); // converted in place, as MicroSIP does
    }
    List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  static void write(Path file, List<String> lines) throws IOException {
    byte[] body = (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[body.length + 2];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(body, 0, bytes, 2, body.length);
    Files.write(file, bytes);
  }

  /** {@code GetPrivateProfileString}: the first matching key of the first matching section. */
  static String get(List<String> lines, String section, String key) {
    String current = null;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.startsWith("[") && line.endsWith("]")) {
        current = line.substring(1, line.length() - 1);
        continue;
      }
      if (current == null || !current.equalsIgnoreCase(section) || line.startsWith(";")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq > 0 && line.substring(0, eq).strip().equalsIgnoreCase(key)) {
        String value = line.substring(eq + 1).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return value.length() > BUFFER_CHARS ? value.substring(0, BUFFER_CHARS) : value;
      }
    }
    return null;
  }

  /** All keys of a section (first spelling wins), values as the profile API returns them. */
  static Map<String, String> section(List<String> lines, String section) {
    Map<String, String> keys = new LinkedHashMap<>();
    String current = null;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.startsWith("[") && line.endsWith("]")) {
        current = line.substring(1, line.length() - 1);
        continue;
      }
      int eq = line.indexOf('=');
      if (current != null && current.equalsIgnoreCase(section) && eq > 0 && !line.startsWith(";")) {
        String key = line.substring(0, eq).strip();
        if (keys.keySet().stream().noneMatch(k -> k.equalsIgnoreCase(key))) {
          keys.put(key, get(lines, section, key));
        }
      }
    }
    return keys;
  }

  /**
   * {@code SettingsSave}: {@code [Settings]} rewritten in full from memory; other sections kept.
   */
  static List<String> replaceSection(List<String> lines, String section, List<String> body) {
    List<String> out = new ArrayList<>();
    boolean inTarget = false;
    boolean written = false;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.startsWith("[") && line.endsWith("]")) {
        inTarget = line.substring(1, line.length() - 1).equalsIgnoreCase(section);
        if (inTarget && !written) {
          out.add("[" + section + "]");
          out.addAll(body);
          written = true;
        }
        if (inTarget) {
          continue;
        }
      }
      if (!inTarget) {
        out.add(raw);
      }
    }
    if (!written) {
      out.add("[" + section + "]");
      out.addAll(body);
    }
    return out;
  }

  static boolean isHookKey(String key) {
    return key.toLowerCase(Locale.ROOT).startsWith("cmd");
  }
}
