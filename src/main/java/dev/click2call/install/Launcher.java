package dev.click2call.install;

import dev.click2call.platform.Os;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The program host manifests point at: one given with {@code --launcher}, the native launcher this
 * process runs from (a jpackage image), or a script generated beside the jar.
 */
public record Launcher(Path program, List<Step> steps) {
  private static final String GENERATED_MARK = "written by `click2call install`";

  /** The native Windows launcher (src/main/c/host), installed beside the jar. */
  public static final String NATIVE_WINDOWS = "click2call-host.exe";

  /** An existing program, given by the user or the native launcher we run from. */
  public static Launcher existing(Path program) {
    if (!program.isAbsolute()) {
      throw new InstallException(
          "the launcher must be an absolute path (browsers start it from their own folder): "
              + program);
    }
    if (!Files.isRegularFile(program)) {
      throw new InstallException("the launcher " + program + " does not exist");
    }
    return new Launcher(program, List.of());
  }

  /**
   * The launcher for this process: the jpackage launcher when running from one; on Windows the
   * native {@code click2call-host.exe} beside the jar; otherwise a script generated beside the jar
   * that starts it with this very Java (on Windows a .bat, the last resort: it needs cmd.exe).
   */
  public static Launcher forThisProcess(Os os, Path javaHome, Optional<Path> jar) {
    String appPath = System.getProperty("jpackage.app-path");
    if (appPath != null && !appPath.isBlank()) {
      return existing(Path.of(appPath));
    }
    Path jarFile =
        jar.orElseThrow(
            () ->
                new InstallException(
                    "not running from a jar; build it (mvn package) or pass --launcher"));
    Path java = javaHome.resolve("bin").resolve(os == Os.WINDOWS ? "java.exe" : "java");
    if (os == Os.WINDOWS) {
      // The native launcher beside the jar: no cmd.exe, finds its runtime at run time.
      Path native_ = jarFile.resolveSibling(NATIVE_WINDOWS);
      if (Files.isRegularFile(native_)) {
        return existing(native_);
      }
      Path bat = jarFile.resolveSibling(LauncherScripts.BAT_NAME);
      String text;
      try {
        text = LauncherScripts.bat(java, jarFile);
      } catch (IllegalArgumentException e) {
        throw new InstallException(e.getMessage());
      }
      return new Launcher(bat, List.of(new Step.WriteFile(bat, text, true, "launcher (.bat)")));
    }
    Path script = jarFile.resolveSibling(LauncherScripts.POSIX_NAME);
    return new Launcher(
        script,
        List.of(
            new Step.WriteFile(
                script, LauncherScripts.posix(java, jarFile), true, "launcher script")));
  }

  /** Whether the file is a launcher {@code install} generated (and so may delete). */
  public static boolean isGenerated(Path program) {
    return Step.read(program).filter(text -> text.contains(GENERATED_MARK)).isPresent();
  }
}
