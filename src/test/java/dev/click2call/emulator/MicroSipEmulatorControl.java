package dev.click2call.emulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Drives the far end of an emulated MicroSIP: {@code MicroSipEmulatorControl <dir> incoming
 * <caller> | answer-remote | hangup-remote | busy | state | quit}. Prints the reply.
 */
public final class MicroSipEmulatorControl {
  private MicroSipEmulatorControl() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: MicroSipEmulatorControl <dir> <command> [argument]");
      System.exit(2);
    }
    String reply = send(Path.of(args[0]), args[1], args.length > 2 ? args[2] : null);
    System.out.println(reply);
    System.exit(reply.startsWith("ok") || reply.startsWith("{") ? 0 : 1);
  }

  public static String send(Path dir, String command, String argument) throws IOException {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("command", command);
    if (argument != null) {
      message.put("argument", argument);
    }
    String reply = LineSockets.exchange(dir.resolve("control.sock"), message);
    return reply == null ? "" : reply;
  }
}
