package dev.click2call.platform;

import dev.click2call.platform.windows.JnaRegistry;
import dev.click2call.platform.windows.JnaWindowMessenger;

/**
 * The one place that chooses the Win32 implementations: real ones on Windows, empty ones elsewhere
 * (so everything else runs and is tested on Linux).
 */
public record Win32(WindowMessenger windows, Registry registry, ProcessImages images) {
  public static Win32 forCurrentOs() {
    return forOs(Os.current());
  }

  public static Win32 forOs(Os os) {
    if (os == Os.WINDOWS) {
      return new Win32(new JnaWindowMessenger(), new JnaRegistry(), ProcessImages.FROM_JDK);
    }
    return new Win32(WindowMessenger.NONE, Registry.NONE, ProcessImages.FROM_JDK);
  }
}
