package dev.click2call.softphone.microsip;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.ini4j.Config;
import org.ini4j.Ini;
import org.ini4j.Profile;

/**
 * MicroSIP's ini file, read and written the way MicroSIP keeps it: UTF-16LE with a BOM, no escape
 * processing (backslashes are literal), {@code key=value} without spaces, sections and keys matched
 * case-insensitively like the Windows profile API. Every section, key and comment we do not touch
 * is kept; writes are atomic (temporary file, then rename) and keep a {@code .bak} copy.
 */
public final class MicroSipIni {
  /** Larger files are refused: only MicroSIP's own ini is ever parsed. */
  public static final long MAX_BYTES = 4L * 1024 * 1024;

  private static final byte[] BOM_UTF16LE = {(byte) 0xFF, (byte) 0xFE};

  private final Path file;
  private final Ini ini;

  private MicroSipIni(Path file, Ini ini) {
    this.file = file;
    this.ini = ini;
  }

  /** Loads the file; a missing file is an empty ini (MicroSIP creates it the same way). */
  public static MicroSipIni load(Path file) throws IOException {
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new IOException(file + " is larger than " + MAX_BYTES + " bytes");
      }
      text = decode(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      text = "";
    }
    return parse(file, text);
  }

  static MicroSipIni parse(Path file, String text) throws IOException {
    Ini ini = new Ini();
    ini.setConfig(config());
    ini.load(new StringReader(text.replace("\r\n", "\n").replace('\r', '\n')));
    return new MicroSipIni(file, ini);
  }

  private static Config config() {
    Config config = new Config();
    config.setEscape(false);
    config.setEscapeNewline(false);
    config.setStrictOperator(true);
    config.setEmptyOption(true);
    config.setEmptySection(true);
    config.setComment(true);
    config.setHeaderComment(true);
    config.setTree(false);
    config.setMultiOption(false);
    config.setMultiSection(false);
    config.setGlobalSection(false);
    config.setLowerCaseOption(false);
    config.setLowerCaseSection(false);
    config.setLineSeparator("\r\n");
    return config;
  }

  /** Text of the file: UTF-16LE/BE or UTF-8 by BOM; otherwise ANSI (MicroSIP converts it). */
  static String decode(byte[] bytes) {
    if (bytes.length >= 2 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }
    if (bytes.length >= 2 && bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    }
    if (bytes.length >= 3
        && bytes[0] == (byte) 0xEF
        && bytes[1] == (byte) 0xBB
        && bytes[2] == (byte) 0xBF) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    return new String(bytes, Charset.forName("windows-1252"));
  }

  public Path file() {
    return file;
  }

  /** The value of a key, matching section and key case-insensitively. */
  public Optional<String> get(String section, String key) {
    return findSection(section)
        .flatMap(s -> findKey(s, key))
        .map(k -> findSection(section).get().get(k));
  }

  /** Sets a key, keeping the existing spelling and position when it exists. */
  public void put(String section, String key, String value) {
    Profile.Section target = findSection(section).orElseGet(() -> ini.add(section));
    target.put(findKey(target, key).orElse(key), value);
  }

  public void remove(String section, String key) {
    findSection(section).ifPresent(s -> findKey(s, key).ifPresent(s::remove));
  }

  public boolean hasSection(String section) {
    return findSection(section).isPresent();
  }

  /** Section names as written in the file. */
  public java.util.List<String> sections() {
    return java.util.List.copyOf(ini.keySet());
  }

  /** The file's text as it would be written. */
  public String text() throws IOException {
    StringWriter out = new StringWriter();
    ini.store(out);
    // ini4j writes comments with '#'; the Windows profile API (and MicroSIP) use ';'.
    StringBuilder fixed = new StringBuilder();
    for (String line : out.toString().split("\r\n", -1)) {
      if (fixed.length() > 0) {
        fixed.append("\r\n");
      }
      fixed.append(line.startsWith("#") ? ";" + line.substring(1) : line);
    }
    return fixed.toString();
  }

  /** Writes UTF-16LE with BOM atomically; the previous file is kept as {@code <name>.bak}. */
  public void save() throws IOException {
    byte[] body = text().getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[body.length + 2];
    System.arraycopy(BOM_UTF16LE, 0, bytes, 0, 2);
    System.arraycopy(body, 0, bytes, 2, body.length);
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temp = folder.resolve("." + file.getFileName() + ".click2call.tmp");
    Files.write(temp, bytes);
    if (Files.exists(file)) {
      Files.copy(
          file,
          folder.resolve(file.getFileName() + ".bak"),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.COPY_ATTRIBUTES);
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private Optional<Profile.Section> findSection(String name) {
    for (String existing : ini.keySet()) {
      if (existing.equalsIgnoreCase(name)) {
        return Optional.of(ini.get(existing));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> findKey(Profile.Section section, String key) {
    for (String existing : section.keySet()) {
      if (existing.equalsIgnoreCase(key)) {
        return Optional.of(existing);
      }
    }
    return Optional.empty();
  }
}
