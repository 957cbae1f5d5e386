package dev.click2call.host;

import dev.click2call.json.Json;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The extension ids an organisation adds (its own build of the extension, signed with its own key):
 * {@code allowed-extensions.json} beside the jar, written by {@code click2call install
 * --extension-id} (or the MSI's {@code EXTENSION_IDS}). Beside the jar means in the install folder,
 * which only whoever installed the host can write (an administrator for a machine-wide install).
 *
 * <p>Read on the host's start path: one small file, the host's own JSON codec, no regular
 * expressions. An unusable file adds no id (fail closed) and says why.
 */
public final class OrganisationIds {
  public static final String FILE_NAME = "allowed-extensions.json";

  private static final long MAX_BYTES = 64 * 1024;

  private static final int MAX_GECKO_ID_LENGTH = 255;

  /** The ids read, and why the file was not usable (null when it was, or is absent). */
  public record Loaded(ExtensionIds ids, String problem) {}

  private OrganisationIds() {}

  /**
   * The file beside the jar named first on a class path ({@code java.class.path}: the launchers
   * pass {@code -cp click2call.jar}, and {@code -jar} sets it to the jar), or null when the class
   * path does not start with a jar (tests running from classes).
   */
  public static Path besideJar(String classPath) {
    if (classPath == null || classPath.isEmpty()) {
      return null;
    }
    int end = classPath.indexOf(File.pathSeparatorChar);
    String first = end < 0 ? classPath : classPath.substring(0, end);
    if (!first.endsWith(".jar")) {
      return null;
    }
    Path parent = Path.of(first).toAbsolutePath().getParent();
    return parent == null ? null : parent.resolve(FILE_NAME);
  }

  /** The file for this JVM, or null. */
  public static Path forThisProcess() {
    return besideJar(System.getProperty("java.class.path"));
  }

  /** Reads {@code {"chromium": [ids], "gecko": [ids]}}; a missing file is no ids and no problem. */
  public static Loaded read(Path file) {
    ExtensionIds none = new ExtensionIds(List.of(), List.of());
    if (file == null) {
      return new Loaded(none, null);
    }
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        return new Loaded(none, file + ": larger than " + MAX_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Loaded(none, null);
    } catch (IOException e) {
      return new Loaded(none, file + ": cannot be read (" + e.getMessage() + ")");
    }
    Object value;
    try {
      value = Json.decode(bytes);
    } catch (IllegalArgumentException e) {
      return new Loaded(none, file + ": " + e.getMessage());
    }
    if (!(value instanceof Map<?, ?> map)) {
      return new Loaded(none, file + ": must hold a JSON object");
    }
    List<String> chromium = new ArrayList<>();
    List<String> gecko = new ArrayList<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      Object key = entry.getKey();
      List<String> target = "chromium".equals(key) ? chromium : "gecko".equals(key) ? gecko : null;
      if (target == null || !(entry.getValue() instanceof List<?> list)) {
        return new Loaded(none, file + ": only \"chromium\" and \"gecko\" lists are allowed");
      }
      for (Object item : list) {
        boolean valid = target == chromium ? isChromiumId(item) : isGeckoId(item);
        if (!valid) {
          return new Loaded(none, file + ": not a " + key + " extension id: " + item);
        }
        target.add((String) item);
      }
    }
    return new Loaded(new ExtensionIds(chromium, gecko), null);
  }

  /** A Chromium extension id: 32 letters from a to p. */
  public static boolean isChromiumId(Object value) {
    if (!(value instanceof String id) || id.length() != 32) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < 'a' || c > 'p') {
        return false;
      }
    }
    return true;
  }

  /**
   * A Gecko add-on id: {@code name@domain} or a {@code {GUID}}, printable ASCII without spaces,
   * quotes or backslashes (it ends up in JSON manifests and on command lines).
   */
  public static boolean isGeckoId(Object value) {
    if (!(value instanceof String id) || id.isEmpty() || id.length() > MAX_GECKO_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == '"' || c == '\\' || c == ',' || c == ';') {
        return false;
      }
    }
    boolean guid = id.charAt(0) == '{' && id.charAt(id.length() - 1) == '}';
    int at = id.indexOf('@');
    return guid || (at >= 0 && at == id.lastIndexOf('@') && at < id.length() - 1);
  }
}
