package dev.click2call.emulator;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Path;
import java.util.Map;

/**
 * The main window's messages. Finding it (probe) and listing its popups need no UI thread; every
 * sent message is handled on the UI thread (so it waits while a hook runs): {@code WM_COPYDATA}
 * answers TRUE and drops the command while PJSIP is not running, else runs it at once ({@code
 * dwData=1}) or queues it and answers FALSE ({@code dwData=2}); {@code WM_CLOSE} exits; a click on
 * a popup's Decline declines that call.
 */
final class WindowProc implements LineSockets.Handler {
  private final Path exe;
  private final Journal journal;
  private final UiThread ui;
  private final EmulatorCalls calls;
  private final CommandLineGrammar grammar;

  /** How long PJSIP is "not running" after start and after a restart. */
  private final long notReadyMillis;

  /** Until when WM_COPYDATA answers TRUE and drops the command (is_pjsua_running false). */
  private volatile long readyAt;

  WindowProc(
      Path exe,
      Journal journal,
      UiThread ui,
      EmulatorCalls calls,
      CommandLineGrammar grammar,
      long notReadyMillis) {
    this.exe = exe;
    this.journal = journal;
    this.ui = ui;
    this.calls = calls;
    this.grammar = grammar;
    this.notReadyMillis = notReadyMillis;
  }

  /** PJSIP (re)starts: commands are dropped for a while. */
  void pjsipStarting() {
    readyAt = System.currentTimeMillis() + notReadyMillis;
  }

  @Override
  public String handle(Map<String, Object> message) throws Exception {
    if (message.containsKey("probe")) {
      return JSON.std.asString(Map.of("pid", ProcessHandle.current().pid(), "exe", exe.toString()));
    }
    if (message.containsKey("dialogs")) {
      return JSON.std.asString(Map.of("ringing", calls.ringingIds()));
    }
    return ui.call(() -> onUiThread(message), e -> "0", 120);
  }

  private String onUiThread(Map<String, Object> message) {
    if (Boolean.TRUE.equals(message.get("close"))) {
      journal.write("wm-close", Map.of());
      ui.exit();
      return "0";
    }
    if (message.get("click") instanceof Number call) {
      journal.write("click", Map.of("call", call, "control", message.get("control")));
      if (Integer.valueOf(1032).equals(message.get("control"))) {
        calls.decline(call.intValue());
      }
      return "0";
    }
    String text = String.valueOf(message.get("text"));
    long dwData = message.get("dwData") instanceof Number n ? n.longValue() : 1;
    if (System.currentTimeMillis() < readyAt) {
      journal.write("copydata-dropped", Map.of("text", text, "dwData", dwData));
      return "1";
    }
    if (dwData == 2) {
      ui.post(() -> grammar.commandLine(text, "copydata-queued"));
      return "0";
    }
    grammar.commandLine(text, "copydata");
    return "0";
  }
}
