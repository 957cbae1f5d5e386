package dev.click2call.cli;

import dev.click2call.Main;
import dev.click2call.ipc.HookEndpoints;
import dev.click2call.ipc.HookListener;
import dev.click2call.platform.Os;
import dev.click2call.platform.UserDirs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The process {@code cds-archive} records: first the hook runner's path (what MicroSIP waits for on
 * every call event), delivered to a listening endpoint as in real use, then host mode as a browser
 * starts it (which exits the JVM, and the archive is written). One archive then serves both
 * launches, because the launchers pass the same JVM options to every command.
 */
public final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    HookEndpoints endpoints = new HookEndpoints(UserDirs.current().runtimeDir());
    HookListener host = HookListener.start(endpoints, message -> {});
    try {
      HookCommand.runFast(List.of("call-end", "+15550104477"));
    } finally {
      host.close();
    }
    // The recording overrides every folder (its scratch space); a real launch computes them, and
    // those classes (the switch maps of UserDirs) belong in the archive too.
    UserDirs defaults =
        new UserDirs(Os.current(), Map.of(), Path.of(System.getProperty("user.home")));
    defaults.logDir();
    defaults.userConfigFile();
    defaults.systemConfigFile();
    defaults.runtimeDir();
    Main.main(args);
  }
}
