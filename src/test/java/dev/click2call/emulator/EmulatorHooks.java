package dev.click2call.emulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code MSIP::RunCmd}: runs the {@code cmd*} hooks of {@code [Settings]} as read at start. Token 1
 * of the value is the program, the rest is re-joined without its quotes, the remote user part is
 * appended; the process runs hidden and is waited on up to 10 s, on the UI thread. On Linux the
 * program is executed directly, the remote user part as one argument.
 */
final class EmulatorHooks {
  static final long HOOK_WAIT_MILLIS = 10_000;

  private final Path home;
  private final Journal journal;
  private final Map<String, String> settings;

  EmulatorHooks(Path home, Journal journal, Map<String, String> settings) {
    this.home = home;
    this.journal = journal;
    this.settings = settings;
  }

  void run(String key, String remote) {
    String value = null;
    for (Map.Entry<String, String> entry : settings.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(key)) {
        value = entry.getValue();
      }
    }
    if (value == null || value.isBlank()) {
      return;
    }
    List<String> tokens = splitLikeCommandLineToArgv(value);
    List<String> argv = new ArrayList<>();
    argv.add(tokens.get(0));
    for (String rest : String.join(" ", tokens.subList(1, tokens.size())).split(" ")) {
      if (!rest.isEmpty()) {
        argv.add(rest);
      }
    }
    if (!remote.isEmpty()) {
      argv.add(remote);
    }
    long start = System.nanoTime();
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("key", key);
    entry.put("argv", argv);
    try {
      Process process =
          new ProcessBuilder(argv)
              .directory(home.toFile())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      process.getOutputStream().close();
      boolean finished = process.waitFor(HOOK_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      entry.put("exit", finished ? process.exitValue() : "timeout");
    } catch (IOException e) {
      entry.put("exit", "cannot start: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    entry.put("ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    journal.write("hook", entry);
  }

  /** Whitespace splits; double quotes group and are dropped. */
  static List<String> splitLikeCommandLineToArgv(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : text.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if ((c == ' ' || c == '\t') && !quoted) {
        if (any) {
          tokens.add(token.toString());
          token.setLength(0);
          any = false;
        }
      } else {
        token.append(c);
        any = true;
      }
    }
    if (any) {
      tokens.add(token.toString());
    }
    return tokens;
  }
}
