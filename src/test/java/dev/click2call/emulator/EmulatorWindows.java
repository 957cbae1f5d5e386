package dev.click2call.emulator;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.click2call.platform.ProcessImages;
import dev.click2call.platform.SendResult;
import dev.click2call.platform.WindowMessenger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The emulator's window as Win32 would show it to the host, so the Windows code paths run against
 * the emulated MicroSIP: its main window (class {@code MicroSIP}, the emulator's pid and exe as
 * process image), one {@code IDD_RINGIN} popup per ringing call (controls 1000 and 1032), and
 * {@code SendMessageTimeoutW}: the message waits for the emulator's UI thread, a timeout returns
 * {@code ERROR_TIMEOUT} while the message stays queued and still runs later, as on Windows.
 */
public final class EmulatorWindows implements WindowMessenger, ProcessImages {
  private static final long MAIN = 0x1000;
  private static final long POPUP_BASE = 0x100000;

  private final Path home;

  public EmulatorWindows(Path home) {
    this.home = home;
  }

  private Optional<Map<String, Object>> probe() {
    try {
      return Optional.of(JSON.std.mapFrom(exchange(Map.of("probe", true))));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<Window> findAllByClass(String windowClass) {
    return windowClass.equals("MicroSIP") && probe().isPresent()
        ? List.of(new Window(MAIN))
        : List.of();
  }

  @Override
  public long processOf(Window window) {
    return probe().map(p -> ((Number) p.get("pid")).longValue()).orElse(-1L);
  }

  @Override
  public Optional<Window> findChild(Window parent, String windowClass) {
    return Optional.empty();
  }

  @Override
  public Optional<Window> dialogItem(Window dialog, int controlId) {
    return dialog.handle() >= POPUP_BASE && (controlId == 1000 || controlId == 1032)
        ? Optional.of(new Window(dialog.handle() * 0x10000 + controlId))
        : Optional.empty();
  }

  @Override
  public String text(Window window) {
    return window.handle() >= POPUP_BASE ? "Incoming Call" : "";
  }

  @Override
  public String classOf(Window window) {
    return window.handle() == MAIN ? "MicroSIP" : "#32770";
  }

  @Override
  public List<Window> topLevelWindowsOf(long pid) {
    List<Window> found = new ArrayList<>();
    if (processOf(new Window(MAIN)) != pid) {
      return found;
    }
    found.add(new Window(MAIN));
    try {
      Map<String, Object> dialogs = JSON.std.mapFrom(exchange(Map.of("dialogs", true)));
      for (Object id : (List<?>) dialogs.get("ringing")) {
        found.add(new Window(POPUP_BASE + ((Number) id).longValue()));
      }
    } catch (IOException e) {
      // gone
    }
    return found;
  }

  @Override
  public SendResult sendCopyData(Window window, long dwData, byte[] payload, int timeoutMillis) {
    String text = new String(payload, StandardCharsets.UTF_16LE);
    int nul = text.indexOf('\0');
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("dwData", dwData);
    message.put("text", nul >= 0 ? text.substring(0, nul) : text);
    return send(message, timeoutMillis);
  }

  @Override
  public SendResult close(Window window, int timeoutMillis) {
    return send(Map.of("close", true), timeoutMillis);
  }

  @Override
  public SendResult clickButton(Window dialog, int controlId, int timeoutMillis) {
    if (dialog.handle() < POPUP_BASE) {
      return SendResult.failed(1400);
    }
    return send(Map.of("click", dialog.handle() - POPUP_BASE, "control", controlId), timeoutMillis);
  }

  @Override
  public Optional<String> imageOf(long pid) {
    return probe()
        .filter(p -> ((Number) p.get("pid")).longValue() == pid)
        .map(p -> (String) p.get("exe"));
  }

  private SendResult send(Map<String, Object> message, int timeoutMillis) {
    if (!Files.exists(home.resolve("window.sock"))) {
      return SendResult.failed(1400);
    }
    CompletableFuture<String> reply = new CompletableFuture<>();
    Thread sender =
        new Thread(
            () -> {
              try {
                reply.complete(exchange(message));
              } catch (IOException e) {
                reply.completeExceptionally(e);
              }
            },
            "emulator-send");
    sender.setDaemon(true);
    sender.start();
    try {
      return SendResult.delivered(Long.parseLong(reply.get(timeoutMillis, TimeUnit.MILLISECONDS)));
    } catch (TimeoutException e) {
      return SendResult.failed(1460); // ERROR_TIMEOUT; the message stays queued
    } catch (ExecutionException | NumberFormatException e) {
      return SendResult.failed(1400);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SendResult.failed(1460);
    }
  }

  private String exchange(Map<String, Object> message) throws IOException {
    String line = LineSockets.exchange(home.resolve("window.sock"), message);
    if (line == null) {
      throw new IOException("no reply");
    }
    return line;
  }
}
