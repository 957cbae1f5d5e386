package dev.click2call.emulator;

import java.util.Locale;
import java.util.Map;

/**
 * {@code CmainDlg::CommandLine} and {@code DialNumber}: what the emulated MicroSIP does with a
 * command line, from its own start or sent by a second instance. Dangerous commands are journalled
 * as violations and not obeyed.
 */
final class CommandLineGrammar {
  private final Journal journal;
  private final EmulatorCalls calls;

  /** 3.22 has /hangupincoming; 3.20.5 dials it. */
  private final boolean is322;

  CommandLineGrammar(Journal journal, EmulatorCalls calls, boolean is322) {
    this.journal = journal;
    this.calls = calls;
    this.is322 = is322;
  }

  /** {@code CmainDlg::CommandLine}. */
  void commandLine(String raw, String via) {
    journal.write("command", Map.of("text", raw, "via", via));
    String text = raw.strip();
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      text = text.substring(1, text.length() - 1);
    }
    if (text.startsWith("msip:")) {
      String word = text.substring(5);
      switch (word) {
        case "answer" -> calls.answer();
        case "hangupall" -> calls.hangupAll();
        case "hold" -> calls.hold();
        case "minimize",
            "micmute",
            "micunmute",
            "speakmute",
            "speakunmute",
            "micmuteclick",
            "speakmuteclick",
            "micup",
            "micdown",
            "speakup",
            "speakdown" ->
            journal.write("ui", Map.of("action", word));
        default -> {
          if (word.startsWith("transfer_")) {
            calls.transfer(word.substring(9));
          } else {
            dialNumber(word);
          }
        }
      }
      return;
    }
    dialNumberFromCommandLine(text);
  }

  private void dialNumberFromCommandLine(String input) {
    String text = input;
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("tel:") || lower.startsWith("sip:")) {
      text = text.substring(4);
    } else if (lower.startsWith("callto:")) {
      text = text.substring(7);
    } else if (lower.startsWith("dialpad:")) {
      text = text.substring(8);
    } else if (lower.startsWith("dial:")) {
      text = text.substring(5);
    }
    if (text.startsWith("//")) {
      text = text.substring(2);
      if (text.endsWith("/")) {
        text = text.substring(0, text.length() - 1);
      }
    }
    if (text.contains("/account:")) {
      journal.violation("account-switch", input);
      if (text.contains("/password:")) {
        journal.violation("password-overwrite", input);
      }
      return;
    }
    switch (text) {
      case "/answer" -> calls.answer();
      case "/hangupall" -> calls.hangupAll();
      case "/hangupincoming" -> {
        if (!is322) {
          dialNumber(text); // 3.20.5's CommandLine has no such switch: it is dialed
          return;
        }
        calls.declineRinging(603); // MicroSIP reports 486/600/603 through cmdCallBusy
      }
      case "/hangupcalling" -> calls.hangupCalling();
      default -> {
        if (text.startsWith("/dtmf:")) {
          calls.dtmf(text.substring(6));
        } else if (text.startsWith("/transfer:")) {
          calls.transfer(text.substring(10));
        } else if (text.startsWith("/password:")) {
          journal.violation("global-password", input);
        } else {
          dialNumber(text);
        }
      }
    }
  }

  /** {@code CmainDlg::DialNumber}: a space starts an instant message; else a call is made. */
  private void dialNumber(String text) {
    journal.write("window-shown", Map.of());
    int space = text.indexOf(' ');
    if (space >= 0 && !text.substring(space + 1).isEmpty()) {
      journal.violation("instant-message", text);
      journal.write(
          "message-sent",
          Map.of("to", text.substring(0, space), "text", text.substring(space + 1)));
      return;
    }
    String number =
        (space >= 0 ? text.substring(0, space) : text).replace("%20", " ").replace("%2B", "+");
    if (!calls.mayDial()) {
      journal.write("dial-ignored", Map.of("number", number, "reason", "single-call mode"));
      return;
    }
    String dtmf = "";
    int comma = number.indexOf(',');
    if (comma > 0 && comma < number.length() - 1) {
      dtmf = number.substring(comma + 1);
      number = number.substring(0, comma);
    }
    if (number.matches("\\+?[0-9*#.\\-()/ ]+")) {
      number = number.replaceAll("[.\\-()/ ]", "");
    }
    String user = number.contains("@") ? number.substring(0, number.indexOf('@')) : number;
    calls.dial(number, dtmf, user);
  }
}
