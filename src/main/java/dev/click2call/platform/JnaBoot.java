package dev.click2call.platform;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Points JNA at the native library shipped beside the jar ({@code <jar folder>\jna\
 * jnidispatch.dll}, installed by the MSI) instead of letting it unpack one into {@code %TEMP%},
 * where AppLocker, WDAC or an EDR may refuse to load it. Must run before any JNA class loads.
 */
public final class JnaBoot {
  static final String FOLDER = "jna";
  static final String LIBRARY = "jnidispatch.dll";

  private JnaBoot() {}

  /** Configures the system properties for this process's jar (once; idempotent). */
  public static synchronized void configure() {
    ownJarFolder().ifPresent(folder -> configure(folder, System.getProperties()));
  }

  /**
   * Sets {@code jna.boot.library.path} and {@code jna.nounpack} when the shipped library is there
   * and nobody chose otherwise; without it (a developer build) JNA keeps its default.
   *
   * @return whether the shipped library is used
   */
  static boolean configure(Path jarFolder, Properties properties) {
    Path folder = jarFolder.resolve(FOLDER);
    if (properties.getProperty("jna.boot.library.path") != null
        || !Files.isRegularFile(folder.resolve(LIBRARY))) {
      return false;
    }
    properties.setProperty("jna.boot.library.path", folder.toString());
    properties.setProperty("jna.nounpack", "true");
    return true;
  }

  private static Optional<Path> ownJarFolder() {
    try {
      var source = JnaBoot.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      File location = new File(source.getLocation().toURI());
      return location.isFile()
          ? Optional.ofNullable(location.toPath().toAbsolutePath().getParent())
          : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return Optional.empty();
    }
  }
}
