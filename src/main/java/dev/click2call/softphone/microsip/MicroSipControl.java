package dev.click2call.softphone.microsip;

import dev.click2call.platform.CopyDataPayload;
import dev.click2call.platform.Os;
import dev.click2call.platform.Win32;
import dev.click2call.platform.WindowMessenger;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands commands to MicroSIP and starts or stops it. On Windows a command goes to the running
 * window as {@code WM_COPYDATA} with {@code dwData=2} (queued: MicroSIP cannot block the host with
 * a message box); otherwise, and when no window exists, the executable is run with the command as
 * its one argument (never through a shell), and MicroSIP forwards it to the running instance
 * itself.
 */
public final class MicroSipControl {
  static final long COPYDATA_QUEUED = 2;
  static final int COPYDATA_TIMEOUT_MILLIS = 2000;

  private static final Logger LOG = LoggerFactory.getLogger(MicroSipControl.class);

  private final MicroSipInstall install;
  private final Win32 win32;
  private final Os os;

  public MicroSipControl(MicroSipInstall install, Win32 win32, Os os) {
    this.install = install;
    this.win32 = win32;
    this.os = os;
  }

  public MicroSipInstall install() {
    return install;
  }

  /** Delivers one command; throws when MicroSIP could be neither messaged nor started. */
  public void send(String command) throws IOException {
    if (os == Os.WINDOWS) {
      Optional<WindowMessenger.Window> window = ownWindow();
      if (window.isPresent()
          && win32
              .windows()
              .sendCopyData(
                  window.get(),
                  COPYDATA_QUEUED,
                  CopyDataPayload.utf16z(command),
                  COPYDATA_TIMEOUT_MILLIS)) {
        LOG.debug("sent {} by WM_COPYDATA", command);
        return;
      }
    }
    spawn(command);
  }

  /** Runs the executable with one argument; its output is discarded and its input closed. */
  private void spawn(String argument) throws IOException {
    List<String> command = new ArrayList<>(install.command());
    command.add(argument);
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    process.getOutputStream().close();
    LOG.debug("started {} with {}", install.exe(), argument);
  }

  /** Whether a MicroSIP of this install runs now. */
  public boolean isRunning() {
    if (os == Os.WINDOWS) {
      return ownWindow().isPresent();
    }
    return !matchingProcesses().isEmpty();
  }

  /** Graceful exit ({@code /exit}: MicroSIP saves its settings); waits for it to be gone. */
  public boolean stop(long timeoutMillis) throws IOException, InterruptedException {
    List<ProcessHandle> running = matchingProcesses();
    if (!isRunning()) {
      return true;
    }
    send(MicroSipCommands.EXIT);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    for (ProcessHandle process : running) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        try {
          process.onExit().get(left, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.ExecutionException
            | java.util.concurrent.TimeoutException e) {
          // checked below
        }
      }
    }
    while (isRunning() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    return !isRunning();
  }

  /** Starts MicroSIP in the tray. */
  public void start() throws IOException {
    spawn(MicroSipCommands.MINIMIZED);
  }

  /** The MicroSIP window, when it belongs to this install's executable (or cannot be checked). */
  private Optional<WindowMessenger.Window> ownWindow() {
    WindowMessenger windows = win32.windows();
    return windows
        .findByClass(MicroSipLocator.WINDOW_CLASS)
        .filter(
            window -> {
              long pid = windows.processOf(window);
              Optional<String> image = pid > 0 ? win32.images().imageOf(pid) : Optional.empty();
              return image.isEmpty() || image.get().equalsIgnoreCase(install.exe());
            });
  }

  /** Processes whose program or an argument is this install's executable (POSIX, Wine). */
  List<ProcessHandle> matchingProcesses() {
    String exe = install.exe();
    long self = ProcessHandle.current().pid();
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != self)
        .filter(
            p -> {
              ProcessHandle.Info info = p.info();
              if (info.command().map(exe::equals).orElse(false)) {
                return true;
              }
              String[] args = info.arguments().orElse(new String[0]);
              for (String arg : args) {
                if (arg.equals(exe)) {
                  return true;
                }
              }
              return false;
            })
        .toList();
  }
}
