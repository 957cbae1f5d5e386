package dev.click2call.softphone.baresip;

import dev.click2call.config.ConfigException;
import dev.click2call.config.ConfigNode;
import dev.click2call.platform.Os;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code baresip} settings section (documented in docs/CONFIGURATION-baresip.md).
 *
 * @param mode {@code auto} and {@code start}: start the host's own baresip with a private control
 *     session; {@code attach} (opt-in): use a baresip the user runs with ctrl_tcp on {@code
 *     ctrlPort}, which any local program can also reach
 * @param path the baresip program, or null to search {@code PATH}
 * @param listenAddress the IP address SIP listens on, or empty for every interface
 * @param account a baresip account line, or null for a local account that does not register
 * @param domain where phone numbers are sent ({@code sip:<number>@<domain>}), or null
 */
public record BaresipSettings(
    String mode,
    String path,
    int ctrlPort,
    int sipPort,
    String listenAddress,
    int rtpMin,
    int rtpMax,
    String account,
    String domain,
    String audioSource,
    String audioPlayer) {

  static final Set<String> KEYS =
      Set.of(
          "mode",
          "path",
          "ctrlPort",
          "sipPort",
          "listenAddress",
          "rtpPorts",
          "account",
          "domain",
          "audioSource",
          "audioPlayer");

  static final int DEFAULT_CTRL_PORT = 4444;
  static final int DEFAULT_SIP_PORT = 5062;
  static final int DEFAULT_RTP_MIN = 20000;
  static final int DEFAULT_RTP_MAX = 20100;

  /** Compiled when a setting needs checking: a host with default settings starts without them. */
  private static final class Patterns {
    static final Pattern RANGE = Pattern.compile("(\\d{1,5})-(\\d{1,5})");
    static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}");
    static final Pattern DEVICE = Pattern.compile("[a-z0-9_]{1,32}(,[A-Za-z0-9_.:@=\\-]{0,64})?");
    static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9.\\-]{1,253}(:\\d{1,5})?");
    static final Pattern ACCOUNT_AOR = Pattern.compile("^<sips?:[^@<>\\s]+@([^>;:\\s]+)");
  }

  public static BaresipSettings defaults() {
    try {
      return from(ConfigNode.empty("baresip"), Os.current());
    } catch (ConfigException e) {
      throw new AssertionError("defaults are valid", e);
    }
  }

  public static BaresipSettings from(ConfigNode node, Os os) throws ConfigException {
    node.requireKnownKeys(KEYS);
    String mode = node.choice("mode", "auto", Set.of("auto", "start", "attach"));
    String path = node.string("path", null);
    if (path != null && path.isBlank()) {
      throw node.error("path", "must not be empty");
    }
    int ctrlPort = node.integer("ctrlPort", DEFAULT_CTRL_PORT, 1, 65535);
    int sipPort = node.integer("sipPort", DEFAULT_SIP_PORT, 1, 65534);
    String listen = node.string("listenAddress", "");
    if (!listen.isEmpty() && !Patterns.IPV4.matcher(listen).matches()) {
      throw node.error("listenAddress", "must be an IPv4 address such as 127.0.0.1, or empty");
    }
    String rtp = node.string("rtpPorts", null);
    int rtpMin = DEFAULT_RTP_MIN;
    int rtpMax = DEFAULT_RTP_MAX;
    if (rtp != null) {
      Matcher range = Patterns.RANGE.matcher(rtp);
      if (!range.matches()
          || (rtpMin = Integer.parseInt(range.group(1))) < 1024
          || (rtpMax = Integer.parseInt(range.group(2))) > 65535
          || rtpMax - rtpMin < 3) {
        throw node.error("rtpPorts", "must be a range such as 20000-20100 (ports 1024-65535)");
      }
    }
    String account = node.string("account", null);
    if (account != null && (!Patterns.ACCOUNT_AOR.matcher(account).find() || hasControl(account))) {
      throw node.error(
          "account", "must be one baresip account line such as <sip:alice@pbx.example.com>;...");
    }
    String domain = node.string("domain", null);
    if (domain != null && !Patterns.DOMAIN.matcher(domain).matches()) {
      throw node.error("domain", "must be a host name or IP address, optionally with :port");
    }
    String defaultAudio = AudioDevices.AUTO;
    String source = node.string("audioSource", defaultAudio);
    String player = node.string("audioPlayer", defaultAudio);
    if (!source.equals(defaultAudio) && !Patterns.DEVICE.matcher(source).matches()) {
      throw node.error("audioSource", "must be 'auto' or '<module>,<device>' such as alsa,default");
    }
    if (!player.equals(defaultAudio) && !Patterns.DEVICE.matcher(player).matches()) {
      throw node.error("audioPlayer", "must be 'auto' or '<module>,<device>' such as alsa,default");
    }
    return new BaresipSettings(
        mode, path, ctrlPort, sipPort, listen, rtpMin, rtpMax, account, domain, source, player);
  }

  /** The domain phone numbers are sent to: the setting, else the account's host, else null. */
  public String effectiveDomain() {
    if (domain != null) {
      return domain;
    }
    if (account != null) {
      Matcher aor = Patterns.ACCOUNT_AOR.matcher(account);
      if (aor.find()) {
        return aor.group(1);
      }
    }
    return null;
  }

  /** These settings with another account line (tests). */
  BaresipSettings withAccount(String accountLine) {
    return new BaresipSettings(
        mode,
        path,
        ctrlPort,
        sipPort,
        listenAddress,
        rtpMin,
        rtpMax,
        accountLine,
        domain,
        audioSource,
        audioPlayer);
  }

  private static boolean hasControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return true;
      }
    }
    return false;
  }
}
