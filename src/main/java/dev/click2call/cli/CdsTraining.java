package dev.click2call.cli;

import dev.click2call.Main;
import dev.click2call.ipc.HookEndpoints;
import dev.click2call.ipc.HookListener;
import dev.click2call.platform.UserDirs;
import java.io.IOException;
import java.util.List;

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
    Main.main(args);
  }
}
