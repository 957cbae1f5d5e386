package dev.click2call.softphone.baresip;

import dev.click2call.config.ConfigException;
import dev.click2call.config.ConfigNode;
import dev.click2call.platform.Os;
import dev.click2call.platform.UserDirs;
import dev.click2call.softphone.NoSoftphone;
import dev.click2call.softphone.Softphone;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Builds the baresip adapter from its settings section, or says why it cannot. */
public final class BaresipFactory {
  private BaresipFactory() {}

  /** Whether {@code auto} selection should pick baresip: the program is found. */
  public static boolean installed(ConfigNode section, Map<String, String> env) {
    String path;
    try {
      path = section.string("path", null);
    } catch (ConfigException e) {
      return true; // let create() report the settings error
    }
    return BaresipLocator.find(path, env).isPresent();
  }

  public static Softphone create(ConfigNode section, Map<String, String> env) {
    BaresipSettings settings;
    try {
      settings = BaresipSettings.from(section, Os.current());
    } catch (ConfigException e) {
      return new NoSoftphone(e.getMessage());
    }
    Optional<Path> executable = BaresipLocator.find(settings.path(), env);
    if (executable.isEmpty() && !settings.mode().equals("attach")) {
      return new NoSoftphone(
          settings.path() != null
              ? "baresip.path " + settings.path() + " is not an executable file"
              : "baresip is not installed (no 'baresip' program on PATH)");
    }
    UserDirs dirs = new UserDirs(Os.current(), env, Path.of(System.getProperty("user.home")));
    Path logFile = dirs.logDir().resolve("baresip.log");
    return BaresipSoftphone.create(settings, executable.orElse(null), dirs.runtimeDir(), logFile);
  }
}
