package dev.click2call.install;

import dev.click2call.platform.Os;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

/** Test computers: a home and a system root in a temporary folder, and real launchers. */
public final class Fixtures {
  private Fixtures() {}

  public static InstallEnvironment linux(Path temp) throws IOException {
    return linux(temp, Map.of());
  }

  public static InstallEnvironment linux(Path temp, Map<String, String> extraEnv)
      throws IOException {
    Path home = Files.createDirectories(temp.resolve("home"));
    Path root = Files.createDirectories(temp.resolve("root"));
    Map<String, String> env = new HashMap<>(extraEnv);
    env.putIfAbsent("PATH", temp.resolve("bin").toString());
    return new InstallEnvironment(Os.LINUX, home, env, root, new NoRegistry());
  }

  public static InstallEnvironment windows(Path temp, RegistryAccess registry) throws IOException {
    Path home = Files.createDirectories(temp.resolve("home"));
    Map<String, String> env = Map.of("LOCALAPPDATA", home.resolve("AppData/Local").toString());
    return new InstallEnvironment(Os.WINDOWS, home, env, temp, registry);
  }

  /** A launcher that runs this build's host with the test's Java and class path. */
  public static Path workingLauncher(Path folder) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return script(
        folder.resolve("click2call-host"),
        "CLICK2CALL_LOG_DIR='"
            + folder.resolve("logs")
            + "' exec '"
            + java
            + "' -Xshare:auto -cp '"
            + System.getProperty("java.class.path")
            + "' dev.click2call.Main \"$@\"");
  }

  /** An executable shell script with the given body. */
  public static Path script(Path file, String body) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
