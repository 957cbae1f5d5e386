package dev.click2call.emulator;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.Map;

/**
 * The test's control channel ({@code control.sock}, {@link MicroSipEmulatorControl}): the far end's
 * actions, and quitting or restarting the emulated MicroSIP.
 */
final class FarEnd implements LineSockets.Handler {
  private final Journal journal;
  private final UiThread ui;
  private final EmulatorCalls calls;
  private final WindowProc window;

  FarEnd(Journal journal, UiThread ui, EmulatorCalls calls, WindowProc window) {
    this.journal = journal;
    this.ui = ui;
    this.calls = calls;
    this.window = window;
  }

  @Override
  public String handle(Map<String, Object> message) throws Exception {
    String command = String.valueOf(message.get("command"));
    String argument =
        message.get("argument") == null ? "" : String.valueOf(message.get("argument"));
    return ui.call(() -> control(command, argument), e -> "error: " + e.getMessage(), 60);
  }

  private String control(String command, String argument) {
    journal.write("control", Map.of("command", command, "argument", argument));
    switch (command) {
      case "incoming" -> {
        calls.incoming(argument);
        return "ok";
      }
      case "answer-remote" -> {
        return calls.remoteAnswered() ? "ok" : "no outgoing call";
      }
      case "hangup-remote" -> {
        return calls.remoteHungUp() ? "ok" : "no call";
      }
      case "busy" -> {
        return calls.remoteBusy() ? "ok" : "no outgoing call";
      }
      case "state" -> {
        try {
          return JSON.std.asString(Map.of("calls", calls.views()));
        } catch (IOException e) {
          return "error";
        }
      }
      case "quit" -> {
        ui.exit();
        return "ok";
      }
      case "restart" -> {
        window.pjsipStarting(); // PJSIP restarts after settings
        return "ok";
      }
      default -> {
        return "unknown control command";
      }
    }
  }
}
