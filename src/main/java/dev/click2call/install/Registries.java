package dev.click2call.install;

import dev.click2call.install.windows.JnaRegistry;
import dev.click2call.platform.JnaBoot;
import dev.click2call.platform.Os;

/** The one place that picks the registry implementation for the running operating system. */
public final class Registries {
  private Registries() {}

  public static RegistryAccess forOs(Os os) {
    if (os != Os.WINDOWS) {
      return new NoRegistry();
    }
    try {
      JnaBoot.configure(); // JNA's library from beside the jar, never unpacked into %TEMP%
      Class.forName("com.sun.jna.Native"); // loads jnidispatch now, not in the middle of a step
      return new JnaRegistry();
    } catch (LinkageError | ClassNotFoundException e) {
      // AppLocker/WDAC or an EDR can refuse the native library: say so instead of dying.
      return new NoRegistry("the Windows registry cannot be reached: JNA did not load (" + e + ")");
    }
  }
}
