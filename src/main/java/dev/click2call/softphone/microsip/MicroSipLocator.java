package dev.click2call.softphone.microsip;

import dev.click2call.json.Json;
import dev.click2call.platform.Os;
import dev.click2call.platform.Registry;
import dev.click2call.platform.Win32;
import dev.click2call.platform.WindowMessenger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds MicroSIP: {@code CLICK2CALL_MICROSIP}, then the {@code microsip.path} setting; on Windows
 * then the registered install folder (HKCU, HKLM in both views), the running window's process
 * image, {@code %LOCALAPPDATA%\MicroSIP} and the two Program Files folders.
 */
public final class MicroSipLocator {
  public static final String ENV = "CLICK2CALL_MICROSIP";
  static final String EXE = "microsip.exe";
  static final String WINDOW_CLASS = "MicroSIP";

  private final Os os;
  private final Map<String, String> env;
  private final MicroSipSettings settings;
  private final Win32 win32;
  private final Predicate<String> isFile;

  public MicroSipLocator(
      Os os,
      Map<String, String> env,
      MicroSipSettings settings,
      Win32 win32,
      Predicate<String> isFile) {
    this.os = os;
    this.env = env;
    this.settings = settings;
    this.win32 = win32;
    this.isFile = isFile;
  }

  public static MicroSipLocator forCurrentSystem(
      Map<String, String> env, MicroSipSettings settings) {
    return new MicroSipLocator(
        Os.current(),
        env,
        settings,
        Win32.forCurrentOs(),
        path -> java.nio.file.Files.isRegularFile(Path.of(path)));
  }

  /** Whether MicroSIP is configured explicitly (environment or setting), not only searched for. */
  public boolean configured() {
    return nonBlank(env.get(ENV)) || !settings.path().isEmpty();
  }

  /**
   * @throws IllegalArgumentException when {@code CLICK2CALL_MICROSIP} is not usable
   */
  public Optional<MicroSipInstall> locate() {
    String fromEnv = env.get(ENV);
    if (nonBlank(fromEnv)) {
      return Optional.of(install(parseEnv(fromEnv), ENV));
    }
    if (!settings.path().isEmpty()) {
      return Optional.of(install(settings.path(), "setting microsip.path"));
    }
    if (os != Os.WINDOWS) {
      return Optional.empty();
    }
    return candidates().stream()
        .filter(isFile)
        .findFirst()
        .map(exe -> install(List.of(exe), "found at " + exe));
  }

  /** The Windows search order, as exe paths (unchecked). */
  List<String> candidates() {
    List<String> found = new ArrayList<>();
    Registry registry = win32.registry();
    registry
        .readString(Registry.Hive.HKCU, IniLocation.KEY, "", Registry.View.DEFAULT)
        .ifPresent(folder -> found.add(PathText.join(folder, EXE)));
    for (Registry.View view : List.of(Registry.View.WOW64_32, Registry.View.WOW64_64)) {
      registry
          .readString(Registry.Hive.HKLM, IniLocation.KEY, "", view)
          .ifPresent(folder -> found.add(PathText.join(folder, EXE)));
    }
    WindowMessenger windows = win32.windows();
    for (WindowMessenger.Window window : windows.findAllByClass(WINDOW_CLASS)) {
      long pid = windows.processOf(window);
      if (pid > 0) {
        win32.images().imageOf(pid).ifPresent(found::add);
      }
    }
    String localAppData = env.get("LOCALAPPDATA");
    if (nonBlank(localAppData)) {
      found.add(PathText.join(PathText.join(localAppData, "MicroSIP"), EXE));
    }
    for (String variable : List.of("ProgramFiles(x86)", "ProgramFiles")) {
      String folder = env.get(variable);
      if (nonBlank(folder)) {
        found.add(PathText.join(PathText.join(folder, "MicroSIP"), EXE));
      }
    }
    return found;
  }

  private MicroSipInstall install(List<String> command, String source) {
    return new MicroSipInstall(command, iniFor(command.get(command.size() - 1)), source);
  }

  private Path iniFor(String exe) {
    if (settings.ini() != null) {
      return Path.of(settings.ini());
    }
    if (os == Os.WINDOWS) {
      return Path.of(
          IniLocation.iniFor(
              exe,
              IniLocation.installFolder(win32.registry(), win32.products(), PathText.folder(exe)),
              env.get("APPDATA")));
    }
    // Off Windows MicroSIP is always portable; a Windows path (under Wine) needs microsip.ini.
    if (!exe.startsWith("/")) {
      return null;
    }
    return Path.of(IniLocation.iniFor(exe, Optional.empty(), null));
  }

  /** A path, or a JSON array of strings (an argument list such as Wine plus the exe). */
  static List<String> parseEnv(String value) {
    String text = value.strip();
    if (!text.startsWith("[")) {
      return List.of(text);
    }
    Object decoded;
    try {
      decoded = Json.decode(text.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ENV + " is neither a path nor a JSON list of strings");
    }
    if (!(decoded instanceof List<?> items)) {
      throw new IllegalArgumentException(ENV + " must be a path or a JSON list of strings");
    }
    List<String> command = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof String part) || part.isBlank()) {
        throw new IllegalArgumentException(ENV + " must be a path or a JSON list of strings");
      }
      command.add(part);
    }
    if (command.isEmpty()) {
      throw new IllegalArgumentException(ENV + " is an empty list");
    }
    return command;
  }

  private static boolean nonBlank(String value) {
    return value != null && !value.isBlank();
  }
}
