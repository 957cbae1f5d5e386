package dev.click2call.platform;

import java.util.List;

/**
 * Joins arguments into one Windows command line the way {@code CommandLineToArgvW} splits it.
 * Arguments that need no quotes get none: a program that reads its raw command-line tail (MicroSIP
 * compares it with {@code lstrcmp}) sees exactly {@code /exit}, not {@code "/exit"}.
 */
public final class WindowsCommandLine {
  private WindowsCommandLine() {}

  public static String join(List<String> arguments) {
    StringBuilder line = new StringBuilder();
    for (String argument : arguments) {
      if (line.length() > 0) {
        line.append(' ');
      }
      append(line, argument);
    }
    return line.toString();
  }

  private static void append(StringBuilder line, String argument) {
    if (!argument.isEmpty() && argument.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"')) {
      line.append(argument);
      return;
    }
    line.append('"');
    int backslashes = 0;
    for (char c : argument.toCharArray()) {
      if (c == '\\') {
        backslashes++;
        continue;
      }
      // Backslashes are literal unless they precede a quote: then each is doubled.
      line.append("\\".repeat(c == '"' ? backslashes * 2 + 1 : backslashes));
      backslashes = 0;
      line.append(c);
    }
    line.append("\\".repeat(backslashes * 2)).append('"');
  }
}
