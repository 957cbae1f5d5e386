package dev.click2call.softphone.microsip;

import dev.click2call.platform.Os;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
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
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final Ini ini;
  private final java.util.List<String> trailingComments;

  private MicroSipIni(Path file, Ini ini, java.util.List<String> trailingComments) {
    this.file = file;
    this.ini = ini;
    this.trailingComments = trailingComments;
  }

  /** Loads the file; a missing file is an empty ini (MicroSIP creates it the same way). */
  public static MicroSipIni load(Path file) throws IOException {
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new IOException(file + " is larger than " + MAX_BYTES + " bytes");
      }
      text =
          decode(
              Files.readAllBytes(file),
              ansiCodePage(Os.current(), System.getProperty("native.encoding")));
    } catch (NoSuchFileException e) {
      text = "";
    }
    return parse(file, text);
  }

  static MicroSipIni parse(Path file, String text) throws IOException {
    Ini ini = new Ini();
    ini.setConfig(config());
    String lines = text.replace("\r\n", "\n").replace('\r', '\n');
    ini.load(new StringReader(lines));
    return new MicroSipIni(file, ini, trailingComments(lines));
  }

  /** Comments after the last key: ini4j attaches comments to what follows, so it drops these. */
  static java.util.List<String> trailingComments(String text) {
    java.util.List<String> lines = java.util.List.of(text.split("\n", -1));
    int start = lines.size();
    while (start > 0) {
      String line = lines.get(start - 1).strip();
      if (!line.isEmpty() && !line.startsWith(";") && !line.startsWith("#")) {
        break;
      }
      start--;
    }
    java.util.List<String> comments = new java.util.ArrayList<>();
    for (String line : lines.subList(start, lines.size())) {
      if (!line.isBlank()) {
        comments.add(";" + line.strip().substring(1));
      }
    }
    return comments;
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

  /**
   * The code page an ini without BOM is in: on Windows the system ANSI code page ({@code
   * native.encoding}, e.g. windows-1251 on a Russian system), as MicroSIP's {@code
   * GetPrivateProfileString} reads it; elsewhere (Wine's default) windows-1252.
   */
  static Charset ansiCodePage(Os os, String nativeEncoding) {
    if (os == Os.WINDOWS && nativeEncoding != null) {
      try {
        return Charset.forName(nativeEncoding);
      } catch (IllegalArgumentException e) {
        // unknown name: the common default below
      }
    }
    return Charset.forName("windows-1252");
  }

  /** Text of the file: UTF-16LE/BE or UTF-8 by BOM; otherwise ANSI (MicroSIP converts it). */
  static String decode(byte[] bytes, Charset ansi) {
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
    return new String(bytes, ansi);
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
    // ini4j ends comment lines with an extra CR; every line ends in exactly CRLF here.
    for (String line : out.toString().split("\r*\n", -1)) {
      if (fixed.length() > 0) {
        fixed.append("\r\n");
      }
      fixed.append(line.startsWith("#") ? ";" + line.substring(1) : line);
    }
    for (String comment : trailingComments) {
      fixed.append(comment).append("\r\n");
    }
    return fixed.toString();
  }

  /**
   * Writes UTF-16LE with BOM atomically. The previous file is kept as {@code <name>.bak} without
   * any password (a plaintext one waits there until MicroSIP encrypts it, and the backup roams with
   * {@code %APPDATA%}). Temporary files get a fresh random name and are created exclusively, never
   * through an existing file or link (the folder may be shared).
   */
  public void save() throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      backUpWithoutPasswords(folder);
    }
    replace(folder, file, utf16WithBom(text()));
  }

  private void backUpWithoutPasswords(Path folder) throws IOException {
    MicroSipIni previous;
    try {
      previous = load(file);
    } catch (IOException | RuntimeException e) {
      return; // unreadable: no backup rather than a raw copy that may hold a password
    }
    for (String section : previous.sections()) {
      previous.remove(section, "password");
    }
    replace(folder, folder.resolve(file.getFileName() + ".bak"), utf16WithBom(previous.text()));
  }

  private static byte[] utf16WithBom(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[body.length + 2];
    System.arraycopy(BOM_UTF16LE, 0, bytes, 0, 2);
    System.arraycopy(body, 0, bytes, 2, body.length);
    return bytes;
  }

  /** Writes a new exclusive temporary file, then renames it over the target. */
  private static void replace(Path folder, Path target, byte[] bytes) throws IOException {
    Path temp = writeExclusive(folder, "." + target.getFileName() + ".", bytes);
    try {
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * {@code CREATE_NEW} ({@code O_EXCL}: fails on any existing name, a link included) with a random
   * name, owner-only on POSIX; the bytes go through the same handle that created the file.
   */
  private static Path writeExclusive(Path folder, String prefix, byte[] bytes) throws IOException {
    Set<OpenOption> options =
        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] attributes =
        posix
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            }
            : new FileAttribute<?>[0];
    for (int attempt = 0; ; attempt++) {
      Path temp =
          folder.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".click2call.tmp");
      try (SeekableByteChannel out = Files.newByteChannel(temp, options, attributes)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        return temp;
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 10) {
          throw e;
        }
      }
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
