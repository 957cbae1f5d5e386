package dev.click2call.platform;

import java.util.Optional;

/**
 * The one place that chooses the Win32 implementations: real ones on Windows, empty ones elsewhere
 * (so everything else runs and is tested on Linux), and empty ones on Windows too when JNA's native
 * library cannot load (AppLocker, WDAC, an EDR): then {@link #unavailable} says why, and the host
 * runs without window observation instead of dying before its first reply.
 *
 * @param unavailable why the real implementations could not be used, or null
 */
public record Win32(
    WindowMessenger windows,
    Registry registry,
    ProcessImages images,
    ProcessStarter starter,
    InstalledProducts products,
    FileVersions versions,
    String unavailable) {

  /** Only the parts the tests of window logic need; the rest empty. */
  public Win32(WindowMessenger windows, Registry registry, ProcessImages images) {
    this(
        windows,
        registry,
        images,
        ProcessStarter.JDK,
        InstalledProducts.NONE,
        FileVersions.NONE,
        null);
  }

  /** Loads the JNA implementations; a test can stand in for a loader that fails. */
  interface Loader {
    Win32 load();
  }

  private static volatile Win32 current;

  /** Chosen once per process (loading JNA is not free, and its failure is final). */
  public static Win32 forCurrentOs() {
    Win32 chosen = current;
    if (chosen == null) {
      synchronized (Win32.class) {
        if (current == null) {
          current = forOs(Os.current());
        }
        chosen = current;
      }
    }
    return chosen;
  }

  public static Win32 forOs(Os os) {
    return forOs(os, JnaLoader.INSTANCE);
  }

  static Win32 forOs(Os os, Loader loader) {
    if (os != Os.WINDOWS) {
      return empty(null);
    }
    try {
      JnaBoot.configure();
      return loader.load();
    } catch (LinkageError e) {
      return empty(
          "JNA's native library could not be loaded ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "); MicroSIP's windows are not observed and commands start microsip.exe");
    }
  }

  private static Win32 empty(String why) {
    return new Win32(
        WindowMessenger.NONE,
        Registry.NONE,
        ProcessImages.FROM_JDK,
        ProcessStarter.JDK,
        InstalledProducts.NONE,
        FileVersions.NONE,
        why);
  }

  /**
   * A watcher of the windows of the program whose main window has this class and whose process runs
   * this executable (popups recognised by these control ids); empty where there are no windows to
   * watch (off Windows, JNA unavailable).
   */
  public Optional<SoftphoneWindowWatcher> windowWatcher(
      String mainClass, String exe, int... popupControls) {
    if (windows == WindowMessenger.NONE) {
      return Optional.empty();
    }
    return Optional.of(new PollingWindowWatcher(windows, images, mainClass, exe, popupControls));
  }
}
