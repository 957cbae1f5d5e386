package dev.click2call.softphone.baresip;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Chooses baresip's audio module when the setting is {@code auto}: PulseAudio (which PipeWire
 * desktops serve through pipewire-pulse) when baresip has the {@code pulse} module, otherwise
 * ALSA's {@code default} device, which desktops route to PipeWire or PulseAudio through their ALSA
 * plugin (Debian's baresip-core 1.0 ships no pulse module); CoreAudio on macOS.
 */
final class AudioDevices {
  static final String AUTO = "auto";

  private AudioDevices() {}

  static String resolve(String setting, Path moduleDir) {
    if (!AUTO.equals(setting)) {
      return setting;
    }
    if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac")) {
      return "coreaudio,default";
    }
    return Files.isRegularFile(moduleDir.resolve("pulse.so")) ? "pulse" : "alsa,default";
  }

  /** The module of a {@code <module>,<device>} setting. */
  static String driver(String device) {
    int comma = device.indexOf(',');
    return comma < 0 ? device : device.substring(0, comma);
  }
}
