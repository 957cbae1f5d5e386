package dev.click2call.softphone.microsip;

import dev.click2call.platform.CopyDataPayload;
import dev.click2call.platform.Os;
import dev.click2call.platform.ProcessStarter;
import dev.click2call.platform.ProgramWindows;
import dev.click2call.platform.SendResult;
import dev.click2call.platform.SoftphoneWindowWatcher;
import dev.click2call.platform.Win32;
import dev.click2call.platform.WindowMessenger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands commands to MicroSIP and starts or stops it, as MicroSIP itself expects (microsip.md §1,
 * §10). On Windows a command goes to our copy's window (class {@code MicroSIP}, process image = the
 * located exe) as {@code WM_COPYDATA} with {@code dwData=2}; its reply is read in full: 1 means
 * MicroSIP's SIP stack is not running and the command was dropped (retried for a while), a timeout
 * or a refusal is an error, and the command is never sent twice. The program is started only when
 * no window exists. Elsewhere (and when Windows' windows cannot be observed) the executable is run
 * with the command as its one argument, and MicroSIP forwards it itself.
 */
public final class MicroSipControl {
  static final long COPYDATA_QUEUED = 2;
  static final int COPYDATA_TIMEOUT_MILLIS = 2000;
  static final int CLOSE_TIMEOUT_MILLIS = 2000;

  /** MicroSIP answers 1 and drops commands while its SIP stack (re)starts: retry this long. */
  static final long NOT_READY_RETRY_MILLIS = 6000;

  static final long NOT_READY_PAUSE_MILLIS = 250;

  /** {@code IDC_ANSWER} and {@code IDC_DECLINE} of {@code IDD_RINGIN} (3.20.5 and 3.22.3). */
  static final int IDC_ANSWER = 1000;

  static final int IDC_DECLINE = 1032;

  private static final Logger LOG = LoggerFactory.getLogger(MicroSipControl.class);

  private final MicroSipInstall install;
  private final Win32 win32;
  private final Os os;
  private final ProgramWindows program;
  private volatile String startNote;
  private long notReadyRetryMillis = NOT_READY_RETRY_MILLIS;

  public MicroSipControl(MicroSipInstall install, Win32 win32, Os os) {
    this.install = install;
    this.win32 = win32;
    this.os = os;
    this.program =
        new ProgramWindows(
            win32.windows(), win32.images(), MicroSipLocator.WINDOW_CLASS, install.exe());
  }

  /** For tests: how long "not ready" is retried. */
  MicroSipControl notReadyRetry(long millis) {
    this.notReadyRetryMillis = millis;
    return this;
  }

  public MicroSipInstall install() {
    return install;
  }

  public Win32 win32() {
    return win32;
  }

  /** Why the last start was weaker than asked (the job forbade breaking away), or null. */
  public String startNote() {
    return startNote;
  }

  /** Whether MicroSIP's windows can be seen and messaged here (Windows with JNA loaded). */
  boolean windowsObservable() {
    return os == Os.WINDOWS && win32.windows() != WindowMessenger.NONE;
  }

  /** Delivers one command; throws when MicroSIP did not take it (the message says why). */
  public void send(String command) throws IOException, InterruptedException {
    if (!windowsObservable()) {
      spawn(command);
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(notReadyRetryMillis);
    while (true) {
      Optional<WindowMessenger.Window> window = program.main();
      if (window.isEmpty()) {
        spawn(command); // not running: the new instance runs it after start-up
        return;
      }
      SendResult sent =
          win32
              .windows()
              .sendCopyData(
                  window.get(),
                  COPYDATA_QUEUED,
                  CopyDataPayload.utf16z(command),
                  COPYDATA_TIMEOUT_MILLIS);
      switch (sent.status()) {
        case DELIVERED -> {
          if (sent.result() == 0) {
            LOG.debug("sent {} by WM_COPYDATA", command);
            return;
          }
          // TRUE: PJSIP is not running (start-up, restart after a settings change); dropped.
          if (System.nanoTime() > deadline) {
            throw new IOException(
                "MicroSIP is starting or restarting and dropped the command; try again in a"
                    + " moment");
          }
          Thread.sleep(NOT_READY_PAUSE_MILLIS);
        }
        case TIMED_OUT ->
            // It may still run it later: never send it again, and never start a second instance.
            throw new IOException(
                "MicroSIP did not answer within "
                    + COPYDATA_TIMEOUT_MILLIS / 1000
                    + " s (busy, e.g. waiting for a hook program, or hung); the command was not"
                    + " repeated");
        case ACCESS_DENIED -> throw new IOException(elevated());
        case GONE -> {
          // The window went away before the message reached it: look again.
          if (System.nanoTime() > deadline) {
            throw new IOException("MicroSIP's window disappeared while sending the command");
          }
        }
        case FAILED ->
            throw new IOException("sending the command to MicroSIP failed: error " + sent.error());
      }
    }
  }

  static String elevated() {
    return "MicroSIP runs with higher rights than Click2Call (started as administrator), and"
        + " Windows blocks messages to it (UIPI); start MicroSIP normally";
  }

  /** A watcher of this install's MicroSIP windows; empty off Windows. */
  public Optional<SoftphoneWindowWatcher> windowWatcher() {
    return win32.windowWatcher(
        MicroSipLocator.WINDOW_CLASS, install.exe(), IDC_ANSWER, IDC_DECLINE);
  }

  /**
   * Presses Decline on every ringing popup of our MicroSIP (its {@code IDD_RINGIN} dialogs, found
   * by their Answer and Decline controls, in any language).
   *
   * @return how many popups took the press; 0 when none was found or windows cannot be seen
   */
  public int pressDecline() throws IOException {
    if (!windowsObservable()) {
      return 0;
    }
    Optional<WindowMessenger.Window> main = program.main();
    if (main.isEmpty()) {
      return 0;
    }
    WindowMessenger windows = win32.windows();
    long pid = windows.processOf(main.get());
    int pressed = 0;
    for (WindowMessenger.Window popup :
        program.dialogsWith(pid, main.get(), IDC_ANSWER, IDC_DECLINE)) {
      SendResult sent = windows.clickButton(popup, IDC_DECLINE, COPYDATA_TIMEOUT_MILLIS);
      if (sent.status() == SendResult.Status.ACCESS_DENIED) {
        throw new IOException(elevated());
      }
      if (sent.delivered()) {
        pressed++;
      }
    }
    return pressed;
  }

  /** Runs the executable with one argument, from its own folder (see {@link #launch}). */
  private void spawn(String argument) throws IOException {
    List<String> command = new ArrayList<>(install.command());
    command.add(argument);
    launch(command);
    LOG.debug("started {} with {}", install.exe(), argument);
  }

  /**
   * Starts MicroSIP outside the browser's job object where the platform can, in MicroSIP's own
   * folder (never this product's: an open folder blocks its upgrade and uninstall).
   */
  private void launch(List<String> command) throws IOException {
    ProcessStarter.Started started = win32.starter().start(command, exeFolder());
    if (started.note() != null && !started.note().equals(startNote)) {
      LOG.warn("MicroSIP started inside the browser's job: {}", started.note());
    }
    startNote = started.note();
  }

  /** The exe's folder when it is a folder here (not, e.g., a Windows path under Wine). */
  Path exeFolder() {
    try {
      Path folder = Path.of(install.exe()).toAbsolutePath().getParent();
      return folder != null && Files.isDirectory(folder) ? folder : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** Whether a MicroSIP of this install runs now. */
  public boolean isRunning() {
    if (windowsObservable()) {
      return program.main().isPresent();
    }
    return !matchingProcesses().isEmpty();
  }

  /**
   * Graceful exit, as MicroSIP's own {@code /exit} switch does it: {@code WM_CLOSE} to the verified
   * window (MicroSIP saves its settings in {@code OnDestroy}); elsewhere {@code microsip /exit} as
   * a process (a switch only on the command line: sent as {@code WM_COPYDATA} it would be dialed).
   * Then waits for the process to end.
   */
  public boolean stop(long timeoutMillis) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    List<ProcessHandle> running = new ArrayList<>();
    if (windowsObservable()) {
      Optional<WindowMessenger.Window> window = program.main();
      if (window.isEmpty()) {
        return true;
      }
      long pid = win32.windows().processOf(window.get());
      if (pid > 0) {
        ProcessHandle.of(pid).ifPresent(running::add);
      }
      SendResult closed = win32.windows().close(window.get(), CLOSE_TIMEOUT_MILLIS);
      if (closed.status() == SendResult.Status.ACCESS_DENIED) {
        throw new IOException(elevated());
      }
      // A timeout is not final: a busy MicroSIP handles WM_CLOSE when its hook returns.
    } else {
      running.addAll(matchingProcesses());
      if (running.isEmpty()) {
        return true;
      }
      spawn(MicroSipCommands.EXIT);
    }
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

  /**
   * Processes whose program or an argument is this install's executable (POSIX, Wine, or Windows
   * without window access; there compared as Windows compares paths).
   */
  List<ProcessHandle> matchingProcesses() {
    String exe = install.exe();
    long self = ProcessHandle.current().pid();
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != self)
        .filter(
            p -> {
              ProcessHandle.Info info = p.info();
              if (info.command().map(this::isOurExe).orElse(false)) {
                return true;
              }
              for (String arg : info.arguments().orElse(new String[0])) {
                if (isOurExe(arg)) {
                  return true;
                }
              }
              return false;
            })
        .toList();
  }

  private boolean isOurExe(String path) {
    return os == Os.WINDOWS
        ? ProgramWindows.samePath(path, install.exe())
        : path.equals(install.exe());
  }
}
