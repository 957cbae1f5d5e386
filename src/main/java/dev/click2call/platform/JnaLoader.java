package dev.click2call.platform;

import dev.click2call.platform.windows.JnaFileVersions;
import dev.click2call.platform.windows.JnaInstalledProducts;
import dev.click2call.platform.windows.JnaProcessStarter;
import dev.click2call.platform.windows.JnaRegistry;
import dev.click2call.platform.windows.JnaWindowMessenger;

/** Builds the JNA implementations and loads user32 now, so a failure shows here, not mid-call. */
final class JnaLoader implements Win32.Loader {
  static final JnaLoader INSTANCE = new JnaLoader();

  @Override
  public Win32 load() {
    JnaWindowMessenger windows = new JnaWindowMessenger();
    windows.loadNow();
    return new Win32(
        windows,
        new JnaRegistry(),
        ProcessImages.FROM_JDK,
        new JnaProcessStarter(),
        new JnaInstalledProducts(),
        new JnaFileVersions(),
        null);
  }
}
