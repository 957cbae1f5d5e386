package dev.click2call.softphone.baresip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks baresip itself whether it can open the audio devices the host would give it: runs baresip
 * for a second with its {@code auloop} (microphone to speaker) on those devices, in a private
 * scratch folder, with no SIP account and no control interface, and reads its verdict.
 */
final class AudioCheck {
  private static final long RUN_MILLIS = 8000;
  private static final Pattern FAILED =
      Pattern.compile(
          "(\\w+: could not open (auplay|ausrc) device .*|auloop: (auplay|ausrc) .* failed: .*)");

  /** The outcome: null problem when both devices opened. */
  record Result(String source, String player, String problem, String fix) {
    boolean ok() {
      return problem == null;
    }
  }

  private AudioCheck() {}

  static Result run(BaresipSettings settings, Path executable, Path scratch) throws IOException {
    Path moduleDir = BaresipLocator.moduleDir(executable);
    String source = AudioDevices.resolve(settings.audioSource(), moduleDir);
    String player = AudioDevices.resolve(settings.audioPlayer(), moduleDir);
    for (String module : List.of(AudioDevices.driver(source), AudioDevices.driver(player))) {
      if (!moduleDir.resolve(module + ".so").toFile().isFile()) {
        return new Result(
            source,
            player,
            "baresip has no '" + module + "' audio module in " + moduleDir,
            "install the baresip package that provides it, or set baresip.audioSource and"
                + " baresip.audioPlayer to a module that exists there (alsa,default)");
      }
    }
    Path dir = scratch.resolve("baresip-audiocheck-" + ProcessHandle.current().pid());
    ConfigDirCleaner.remove(dir);
    PrivateFiles.createDirectories(dir);
    try {
      PrivateFiles.writeNew(dir.resolve("config"), config(source, player, moduleDir));
      PrivateFiles.writeNew(dir.resolve("accounts"), "");
      PrivateFiles.writeNew(dir.resolve("contacts"), "");
      String output = runBaresip(executable, dir);
      return verdict(source, player, output);
    } finally {
      ConfigDirCleaner.remove(dir);
    }
  }

  private static String config(String source, String player, Path moduleDir) {
    StringBuilder c = new StringBuilder();
    c.append("sip_listen\t127.0.0.1:0\n");
    c.append("audio_player\t").append(player).append('\n');
    c.append("audio_source\t").append(source).append('\n');
    c.append("module_path\t").append(moduleDir).append('\n');
    c.append("module\t").append(AudioDevices.driver(source)).append(".so\n");
    if (!AudioDevices.driver(player).equals(AudioDevices.driver(source))) {
      c.append("module\t").append(AudioDevices.driver(player)).append(".so\n");
    }
    c.append("module\tauloop.so\nmodule_app\tmenu.so\n");
    return c.toString();
  }

  private static String runBaresip(Path executable, Path dir) throws IOException {
    Process process =
        new ProcessBuilder(
                executable.toString(), "-f", dir.toString(), "-e", "/auloop 48000 2", "-t", "1")
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    try {
      if (!process.waitFor(RUN_MILLIS, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
        .replaceAll("\u001b\\[[0-9;]*m", "");
  }

  static Result verdict(String source, String player, String output) {
    Matcher failed = FAILED.matcher(output);
    if (!failed.find()) {
      return output.contains("Audio-loop:")
          ? new Result(source, player, null, null)
          : new Result(
              source,
              player,
              "baresip did not run its audio test; see its output: "
                  + BaresipEvent.clean(output.strip(), 200),
              "run 'baresip' in a terminal to see why it does not start");
    }
    String what = BaresipEvent.clean(failed.group(1), 200);
    String module = AudioDevices.driver(failed.group(0).contains("ausrc") ? source : player);
    return new Result(source, player, "no usable audio device: " + what, fixFor(module));
  }

  private static String fixFor(String module) {
    return switch (module) {
      case "alsa" ->
          "ALSA's default device must reach your sound server: install pipewire-alsa"
              + " (PipeWire) or libasound2-plugins (PulseAudio) and log in again, or set"
              + " baresip.audioSource and baresip.audioPlayer to a device from 'arecord -L' and"
              + " 'aplay -L' (e.g. alsa,plughw:0,0)";
      case "pulse" ->
          "start the sound server of your session (pipewire-pulse or pulseaudio)"
              + " and check that PULSE_SERVER or XDG_RUNTIME_DIR points at it";
      default -> "check that the device in baresip.audioSource and baresip.audioPlayer exists";
    };
  }
}
