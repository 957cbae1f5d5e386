package dev.click2call.softphone.baresip;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds the baresip program and its module folder. */
public final class BaresipLocator {
  private BaresipLocator() {}

  /** The configured path if it is an executable file, else the first {@code baresip} on PATH. */
  public static Optional<Path> find(String configuredPath, Map<String, String> env) {
    if (configuredPath != null) {
      Path path = Path.of(configuredPath);
      return Files.isRegularFile(path) && Files.isExecutable(path)
          ? Optional.of(path.toAbsolutePath())
          : Optional.empty();
    }
    String searchPath = env.getOrDefault("PATH", "");
    for (String dir : searchPath.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, "baresip");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate.toAbsolutePath());
      }
    }
    return Optional.empty();
  }

  /**
   * The module folder of an installation: {@code <prefix>/lib/baresip/modules} beside {@code
   * <prefix>/bin/baresip} (Debian, Homebrew), else Debian's folder.
   */
  public static Path moduleDir(Path executable) {
    try {
      Path real = executable.toRealPath();
      Path prefix = real.getParent() == null ? null : real.getParent().getParent();
      if (prefix != null) {
        Path beside = prefix.resolve("lib").resolve("baresip").resolve("modules");
        if (Files.isDirectory(beside)) {
          return beside;
        }
      }
    } catch (IOException e) {
      // fall through to the usual place
    }
    return Path.of("/usr/lib/baresip/modules");
  }
}
