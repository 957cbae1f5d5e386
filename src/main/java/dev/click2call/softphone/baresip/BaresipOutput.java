package dev.click2call.softphone.baresip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * baresip's own output: copied line by line into {@code baresip.log} (0600), rotated like the
 * host's log (1 MiB, 5 files: {@code baresip.log}, {@code baresip.log.1} … {@code .4}), and watched
 * for the audio errors that explain why a call ended.
 */
final class BaresipOutput {
  private static final Logger LOG = LoggerFactory.getLogger(BaresipOutput.class);
  static final long FILE_LIMIT_BYTES = 1024 * 1024;
  static final int FILE_COUNT = 5;

  /** An audio error this recent explains a call that ends now. */
  private static final long AUDIO_ERROR_MILLIS = 10_000;

  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");
  // "alsa: could not open auplay device 'default' (No such file or directory)"
  private static final Pattern OPEN_FAILED =
      Pattern.compile("^(\\w+): could not open (auplay|ausrc) device '([^']*)' \\((.*)\\)");
  // "audio: start_player failed (alsa.default): Unknown error -2"
  private static final Pattern START_FAILED =
      Pattern.compile("^audio: start_(player|source) failed \\(([^)]*)\\): (.*)");

  private final Path file;
  private OutputStream out;
  private long written;
  private volatile String audioError;
  private volatile java.util.function.Consumer<String> streamFailure = what -> {};
  private volatile long audioErrorAt;

  BaresipOutput(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /** Copies a process's output on a daemon thread until it ends. */
  void pump(InputStream stream, long pid) {
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  line(line);
                }
              } catch (IOException e) {
                LOG.debug("baresip output ended: {}", e.getMessage());
              }
            },
            "baresip-output-" + pid);
    pump.setDaemon(true);
    pump.start();
  }

  /** One line of output. */
  synchronized void line(String raw) {
    String line = ANSI.matcher(raw).replaceAll("");
    noteAudioError(line);
    try {
      if (out == null) {
        PrivateFiles.createDirectories(file.getParent());
        out = PrivateFiles.append(file);
        written = Files.size(file);
      }
      byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
      if (written + bytes.length > FILE_LIMIT_BYTES && written > 0) {
        rotate();
      }
      out.write(bytes);
      out.flush();
      written += bytes.length;
    } catch (IOException e) {
      LOG.warn("cannot write {}: {}", file, e.getMessage());
    }
  }

  private void rotate() throws IOException {
    out.close();
    for (int i = FILE_COUNT - 1; i >= 1; i--) {
      Path from = i == 1 ? file : sibling(i - 1);
      if (Files.exists(from)) {
        Files.move(from, sibling(i), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    out = PrivateFiles.append(file);
    written = 0;
  }

  private Path sibling(int index) {
    return file.resolveSibling(file.getFileName() + "." + index);
  }

  private void noteAudioError(String line) {
    String what = null;
    Matcher open = OPEN_FAILED.matcher(line);
    if (open.find()) {
      what =
          (open.group(2).equals("auplay") ? "the speaker" : "the microphone")
              + " ("
              + open.group(1)
              + " device '"
              + open.group(3)
              + "': "
              + open.group(4)
              + ")";
    } else {
      Matcher start = START_FAILED.matcher(line);
      if (start.find()) {
        if (recentAudioError() == null) {
          what =
              (start.group(1).equals("player") ? "the speaker" : "the microphone")
                  + " ("
                  + start.group(2).replace('.', ',')
                  + ")";
          record(what);
        }
        // A call's audio stream (not a ring tone) could not start: the call has no sound.
        streamFailure.accept(recentAudioError());
        return;
      }
    }
    if (what != null) {
      record(what);
    }
  }

  private void record(String what) {
    audioError = BaresipEvent.clean(what, 160);
    audioErrorAt = System.currentTimeMillis();
  }

  /** Called (on the output thread) when a call's audio device could not be started. */
  void onStreamFailure(java.util.function.Consumer<String> listener) {
    streamFailure = listener;
  }

  /** The last audio device baresip could not open, if it happened in the last seconds. */
  String recentAudioError() {
    String error = audioError;
    return error != null && System.currentTimeMillis() - audioErrorAt < AUDIO_ERROR_MILLIS
        ? error
        : null;
  }

  synchronized void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        LOG.debug("closing {}: {}", file, e.getMessage());
      }
      out = null;
    }
  }
}
