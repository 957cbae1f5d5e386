package dev.click2call.cli;

import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Names the charset wherever the CLI's text becomes bytes: Java 17's default on Windows is the ANSI
 * code page, which is neither what a cp437/850 console shows nor what a redirected file should
 * hold. JSON is always UTF-8; readable text is in the console's own charset on a console (with
 * ASCII marks when it cannot show ✓/✗), else UTF-8.
 */
final class ConsoleText {
  private ConsoleText() {}

  /** Standard output in this charset (not through {@code System.out}'s own encoding). */
  static PrintWriter stdout(Charset charset) {
    return writer(new FileOutputStream(FileDescriptor.out), charset);
  }

  static PrintWriter writer(OutputStream out, Charset charset) {
    return new PrintWriter(new OutputStreamWriter(out, charset), true);
  }

  /** The charset for readable text: the console's when there is one, else UTF-8. */
  static Charset humanCharset(Console console) {
    return console != null ? console.charset() : StandardCharsets.UTF_8;
  }

  /** Whether this charset can show the report's marks (cp437 and cp850 cannot). */
  static boolean canShowMarks(Charset charset) {
    return charset.newEncoder().canEncode("✓✗·—…");
  }
}
