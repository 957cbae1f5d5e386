package dev.click2call.softphone.baresip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the configuration directory of a baresip the host starts: {@code config}, {@code accounts}
 * and an empty {@code contacts}. Only ctrl_tcp is loaded as a control interface; the console
 * modules need a terminal.
 */
final class ConfigDirWriter {
  private ConfigDirWriter() {}

  static void write(Path dir, BaresipSettings settings, Path moduleDir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("config"), config(settings, moduleDir), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("accounts"), accounts(settings), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("contacts"), "", StandardCharsets.UTF_8);
  }

  static String config(BaresipSettings s, Path moduleDir) {
    List<String> lines = new ArrayList<>();
    lines.add("poll_method\t\tepoll");
    String listen = s.listenAddress().isEmpty() ? "0.0.0.0" : s.listenAddress();
    lines.add("sip_listen\t\t" + listen + ":" + s.sipPort());
    if (!s.listenAddress().isEmpty()) {
      lines.add("net_interface\t\t" + s.listenAddress());
    }
    lines.add("call_local_timeout\t120");
    // One call at a time, as the protocol knows one current call; a second incoming call is
    // refused by baresip itself.
    lines.add("call_max_calls\t\t1");
    lines.add("audio_player\t\t" + s.audioPlayer());
    lines.add("audio_source\t\t" + s.audioSource());
    lines.add("audio_alert\t\t" + s.audioPlayer());
    if (s.audioSource().startsWith("ausine")) {
      // ausine produces 48 kHz stereo only.
      lines.add("ausrc_srate\t\t48000");
      lines.add("ausrc_channels\t\t2");
      lines.add("auplay_srate\t\t48000");
      lines.add("auplay_channels\t\t2");
    }
    lines.add("audio_level\t\tno");
    lines.add("rtp_ports\t\t" + s.rtpMin() + "-" + s.rtpMax());
    lines.add("rtcp_mux\t\tno");
    lines.add("jitter_buffer_delay\t5-10");
    lines.add("rtp_stats\t\tno");
    lines.add("module_path\t\t" + moduleDir);
    Set<String> modules = new LinkedHashSet<>();
    modules.add("g711");
    modules.add(driver(s.audioSource()));
    modules.add(driver(s.audioPlayer()));
    for (String module : modules) {
      lines.add("module\t\t\t" + module + ".so");
    }
    lines.add("module_tmp\t\taccount.so");
    lines.add("module_app\t\tmenu.so");
    lines.add("module_app\t\tctrl_tcp.so");
    lines.add("ctrl_tcp_listen\t\t127.0.0.1:" + s.ctrlPort());
    lines.add("statmode_default\toff");
    return String.join("\n", lines) + "\n";
  }

  static String accounts(BaresipSettings s) {
    if (s.account() != null) {
      String line = s.account();
      return (line.contains("answermode=") ? line : line + ";answermode=manual") + "\n";
    }
    String host = s.listenAddress().isEmpty() ? "127.0.0.1" : s.listenAddress();
    // A local identity that never registers: SIP URIs are called directly.
    return "<sip:click2call@" + host + ">;regint=0;answermode=manual;audio_codecs=pcmu,pcma\n";
  }

  private static String driver(String device) {
    int comma = device.indexOf(',');
    return comma < 0 ? device : device.substring(0, comma);
  }
}
