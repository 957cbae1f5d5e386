package dev.click2call.softphone.baresip;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the configuration folder of a baresip the host starts: {@code config}, {@code accounts}
 * and an empty {@code contacts}, in a folder created 0700 with files created 0600 (the account line
 * and the control secret are in them). The only control interface loaded is {@code mqtt}, which
 * connects to the host's private {@link MqttBroker} with this start's secret; no control port is
 * opened by baresip.
 */
final class ConfigDirWriter {
  /** Where baresip's control session goes: the host's broker port and this start's secret. */
  record Control(int port, String password) {}

  private ConfigDirWriter() {}

  static void write(Path dir, BaresipSettings settings, Path moduleDir, Control control)
      throws IOException {
    PrivateFiles.createDirectories(dir.getParent());
    PrivateFiles.createDirectories(dir);
    PrivateFiles.writeNew(dir.resolve("config"), config(settings, moduleDir, control));
    PrivateFiles.writeNew(dir.resolve("accounts"), accounts(settings));
    PrivateFiles.writeNew(dir.resolve("contacts"), "");
  }

  static String config(BaresipSettings s, Path moduleDir, Control control) {
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
    String source = AudioDevices.resolve(s.audioSource(), moduleDir);
    String player = AudioDevices.resolve(s.audioPlayer(), moduleDir);
    lines.add("audio_player\t\t" + player);
    lines.add("audio_source\t\t" + source);
    lines.add("audio_alert\t\t" + player);
    if (source.startsWith("ausine")) {
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
    modules.add(AudioDevices.driver(source));
    modules.add(AudioDevices.driver(player));
    for (String module : modules) {
      lines.add("module\t\t\t" + module + ".so");
    }
    lines.add("module_tmp\t\taccount.so");
    lines.add("module_app\t\tmenu.so");
    lines.add("module_app\t\tmqtt.so");
    lines.add("mqtt_broker_host\t127.0.0.1");
    lines.add("mqtt_broker_port\t" + control.port());
    lines.add("mqtt_broker_user\t" + MqttBroker.USER);
    lines.add("mqtt_broker_password\t" + control.password());
    lines.add("mqtt_broker_clientid\tbaresip");
    lines.add("mqtt_basetopic\t\t" + MqttBroker.BASE_TOPIC);
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
}
