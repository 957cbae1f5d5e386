package dev.click2call.install;

import dev.click2call.install.windows.JnaRegistry;
import dev.click2call.platform.Os;

/** The one place that picks the registry implementation for the running operating system. */
public final class Registries {
  private Registries() {}

  public static RegistryAccess forOs(Os os) {
    return os == Os.WINDOWS ? new JnaRegistry() : new NoRegistry();
  }
}
