package dev.click2call.platform;

import java.nio.file.Path;
import java.util.Map;

/** Per-user and system folders of the product, per operating system. */
public final class UserDirs {
  private final Os os;
  private final Map<String, String> env;
  private final Path home;

  public UserDirs(Os os, Map<String, String> env, Path home) {
    this.os = os;
    this.env = env;
    this.home = home;
  }

  /** The folders for the running process. */
  public static UserDirs current() {
    return new UserDirs(Os.current(), System.getenv(), Path.of(System.getProperty("user.home")));
  }

  public Os os() {
    return os;
  }

  public Path home() {
    return home;
  }

  /** Where logs go unless {@code CLICK2CALL_LOG_DIR} says otherwise. */
  public Path logDir() {
    String override = env.get("CLICK2CALL_LOG_DIR");
    if (nonEmpty(override)) {
      return Path.of(override);
    }
    return switch (os) {
      case WINDOWS -> localAppData().resolve("click2call").resolve("logs");
      case MACOS -> home.resolve("Library").resolve("Logs").resolve("click2call");
      case LINUX -> xdg("XDG_STATE_HOME", ".local/state").resolve("click2call");
    };
  }

  /** The per-user settings file unless {@code CLICK2CALL_CONFIG} names another. */
  public Path userConfigFile() {
    String override = env.get("CLICK2CALL_CONFIG");
    if (nonEmpty(override)) {
      return Path.of(override);
    }
    return switch (os) {
      case WINDOWS -> appData().resolve("click2call").resolve("config.json");
      case MACOS ->
          home.resolve("Library")
              .resolve("Application Support")
              .resolve("click2call")
              .resolve("config.json");
      case LINUX -> xdg("XDG_CONFIG_HOME", ".config").resolve("click2call").resolve("config.json");
    };
  }

  /** The machine-wide settings file an administrator manages; it wins over the user's. */
  public Path systemConfigFile() {
    String override = env.get("CLICK2CALL_SYSTEM_CONFIG");
    if (nonEmpty(override)) {
      return Path.of(override);
    }
    return switch (os) {
      case WINDOWS ->
          Path.of(env.getOrDefault("ProgramData", "C:\\ProgramData"))
              .resolve("click2call")
              .resolve("config.json");
      case MACOS -> Path.of("/Library/Application Support/click2call/config.json");
      case LINUX -> Path.of("/etc/click2call/config.json");
    };
  }

  /** Short per-user folder for local sockets (socket paths are limited to about 100 bytes). */
  public Path runtimeDir() {
    String override = env.get("CLICK2CALL_RUNTIME_DIR");
    if (nonEmpty(override)) {
      return Path.of(override);
    }
    return switch (os) {
      case WINDOWS -> localAppData().resolve("click2call");
      case MACOS -> home.resolve("Library").resolve("Caches").resolve("click2call");
      case LINUX -> {
        String xdgRuntime = env.get("XDG_RUNTIME_DIR");
        yield nonEmpty(xdgRuntime)
            ? Path.of(xdgRuntime).resolve("click2call")
            : xdg("XDG_STATE_HOME", ".local/state").resolve("click2call");
      }
    };
  }

  private Path localAppData() {
    String value = env.get("LOCALAPPDATA");
    return nonEmpty(value) ? Path.of(value) : home.resolve("AppData").resolve("Local");
  }

  private Path appData() {
    String value = env.get("APPDATA");
    return nonEmpty(value) ? Path.of(value) : home.resolve("AppData").resolve("Roaming");
  }

  private Path xdg(String variable, String fallbackUnderHome) {
    String value = env.get(variable);
    return nonEmpty(value) && Path.of(value).isAbsolute()
        ? Path.of(value)
        : home.resolve(fallbackUnderHome);
  }

  private static boolean nonEmpty(String value) {
    return value != null && !value.isBlank();
  }
}
