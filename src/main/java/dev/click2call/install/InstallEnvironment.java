package dev.click2call.install;

import dev.click2call.platform.Os;
import java.nio.file.Path;
import java.util.Map;

/**
 * The computer the installer and doctor look at: operating system, home folder, environment, where
 * system folders start (the file-system root, or a fixture folder in tests) and the registry.
 */
public record InstallEnvironment(
    Os os, Path home, Map<String, String> env, Path systemRoot, RegistryAccess registry) {

  /** The running computer. {@code HOME} wins over {@code user.home}, as it does for browsers. */
  public static InstallEnvironment current() {
    Os os = Os.current();
    Map<String, String> env = System.getenv();
    String homeVariable = env.get("HOME");
    Path home =
        os != Os.WINDOWS && homeVariable != null && Path.of(homeVariable).isAbsolute()
            ? Path.of(homeVariable)
            : Path.of(System.getProperty("user.home"));
    Path root =
        os == Os.WINDOWS ? Path.of(env.getOrDefault("SystemDrive", "C:") + "\\") : Path.of("/");
    return new InstallEnvironment(os, home, env, root, Registries.forOs(os));
  }

  /** An absolute system path such as {@code /etc/chromium}, under {@link #systemRoot}. */
  public Path system(String absolute) {
    return systemRoot.resolve(absolute.substring(1));
  }

  /** An environment variable, or null when unset or blank. */
  public String variable(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
