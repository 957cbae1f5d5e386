package dev.click2call.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A faithful stand-in for the Win32 window tree MicroSIP makes (microsip.md §2, §9), answering as
 * Windows does: per process a main window of class {@code MicroSIP} titled {@code MicroSIP -
 * <label>} with a child status bar ({@code msctls_statusbar32}, {@code WM_GETTEXT} = pane 0);
 * top-level {@code #32770} ringing popups ({@code IDD_RINGIN}: controls 1000 Answer, 1032 Decline,
 * 1026 caller), one per ringing call, titled in MicroSIP's language; windows of other programs, and
 * several windows of one class (two MicroSIP copies); a process that ends takes its windows with
 * it. Sent messages are recorded and answered as Windows answers them: delivered with the
 * receiver's full 64-bit result, timed out ({@code ERROR_TIMEOUT}) for a hung process, refused
 * ({@code ERROR_ACCESS_DENIED}) by UIPI for an elevated one. Thread-safe.
 */
public final class FakeWindowTree implements WindowMessenger, ProcessImages {
  public static final int IDC_ANSWER = 1000;
  public static final int IDC_DECLINE = 1032;
  public static final int IDC_CALLER_NAME = 1026;

  private record Node(long pid, String windowClass, long parent, String text, int controlId) {}

  /** One message a sender delivered or tried to deliver. */
  public record Sent(String kind, long window, long pid, long dwData, String text, int control) {}

  private final Map<Long, Node> windows = new LinkedHashMap<>(); // z-order: first is topmost
  private final Map<Long, String> images = new LinkedHashMap<>();
  private final Map<Long, SendResult> refusals = new LinkedHashMap<>();
  private final Map<Long, List<Long>> copyDataResults = new LinkedHashMap<>();
  private final List<Sent> sent = new CopyOnWriteArrayList<>();
  private long nextHandle = 0x10010;

  /** Starts a MicroSIP process with its main window and status bar; returns the main window. */
  public synchronized Window startMicroSip(long pid, String image, String label) {
    images.put(pid, image);
    long main = add(new Node(pid, "MicroSIP", 0, "MicroSIP - " + label, 0));
    add(new Node(pid, "msctls_statusbar32", main, "Connecting...", 0));
    add(new Node(pid, "tooltips_class32", 0, "", 0)); // MFC makes these too
    return new Window(main);
  }

  /** Any other program's top-level window. */
  public synchronized Window openForeign(long pid, String image, String windowClass, String title) {
    images.put(pid, image);
    return new Window(add(new Node(pid, windowClass, 0, title, 0)));
  }

  /** What {@code OnTimerCall}/{@code UpdateWindowText} write into pane 0. */
  public synchronized void setStatus(long pid, String text) {
    windows.replaceAll(
        (handle, node) ->
            node.pid() == pid && node.windowClass().equals("msctls_statusbar32")
                ? new Node(pid, node.windowClass(), node.parent(), text, 0)
                : node);
  }

  /** A plain top-level dialog of the process (settings, about...). */
  public synchronized Window openDialog(long pid, String title) {
    return new Window(add(new Node(pid, "#32770", 0, title, 0)));
  }

  /** The ringing popup {@code IDD_RINGIN} with its controls; the caption in MicroSIP's language. */
  public synchronized Window openRinging(long pid, String title) {
    long dialog = add(new Node(pid, "#32770", 0, title, 0));
    add(new Node(pid, "Button", dialog, "Answer", IDC_ANSWER));
    add(new Node(pid, "Button", dialog, "Decline", IDC_DECLINE));
    add(new Node(pid, "Static", dialog, "", IDC_CALLER_NAME));
    return new Window(dialog);
  }

  public synchronized void close(Window window) {
    windows.remove(window.handle());
    windows.values().removeIf(node -> node.parent() == window.handle());
  }

  /** The process ends: every window it owned is gone. */
  public synchronized void endProcess(long pid) {
    windows.values().removeIf(node -> node.pid() == pid);
    images.remove(pid);
  }

  /** Every message to the process's windows now times out (its UI thread is blocked). */
  public synchronized void hang(long pid) {
    refusals.put(pid, SendResult.failed(SendResult.ERROR_TIMEOUT));
  }

  /** The process runs elevated: UIPI refuses every message from the (medium) host. */
  public synchronized void elevate(long pid) {
    refusals.put(pid, SendResult.failed(SendResult.ERROR_ACCESS_DENIED));
  }

  public synchronized void unblock(long pid) {
    refusals.remove(pid);
  }

  /**
   * The next {@code WM_COPYDATA} results of the process, in order (e.g. 1 = MicroSIP's "not ready",
   * then 0); afterwards 0. Results are full 64-bit values.
   */
  public synchronized void copyDataResults(long pid, Long... results) {
    copyDataResults.computeIfAbsent(pid, p -> new ArrayList<>()).addAll(List.of(results));
  }

  public List<Sent> sent() {
    return List.copyOf(sent);
  }

  private long add(Node node) {
    long handle = nextHandle;
    nextHandle += 0x10;
    // New top-level windows come to the front, as a popup does.
    Map<Long, Node> reordered = new LinkedHashMap<>();
    if (node.parent() == 0) {
      reordered.put(handle, node);
      reordered.putAll(windows);
    } else {
      reordered.putAll(windows);
      reordered.put(handle, node);
    }
    windows.clear();
    windows.putAll(reordered);
    return handle;
  }

  @Override
  public synchronized List<Window> findAllByClass(String windowClass) {
    return windows.entrySet().stream()
        .filter(e -> e.getValue().parent() == 0 && e.getValue().windowClass().equals(windowClass))
        .map(e -> new Window(e.getKey()))
        .toList();
  }

  @Override
  public synchronized long processOf(Window window) {
    Node node = windows.get(window.handle());
    return node == null ? -1 : node.pid();
  }

  @Override
  public synchronized Optional<Window> findChild(Window parent, String windowClass) {
    return windows.entrySet().stream()
        .filter(
            e ->
                e.getValue().parent() == parent.handle()
                    && e.getValue().windowClass().equals(windowClass))
        .map(e -> new Window(e.getKey()))
        .findFirst();
  }

  @Override
  public synchronized Optional<Window> dialogItem(Window dialog, int controlId) {
    return windows.entrySet().stream()
        .filter(
            e -> e.getValue().parent() == dialog.handle() && e.getValue().controlId() == controlId)
        .map(e -> new Window(e.getKey()))
        .findFirst();
  }

  @Override
  public synchronized String text(Window window) {
    Node node = windows.get(window.handle());
    return node == null ? "" : node.text();
  }

  @Override
  public synchronized String classOf(Window window) {
    Node node = windows.get(window.handle());
    return node == null ? "" : node.windowClass();
  }

  @Override
  public synchronized List<Window> topLevelWindowsOf(long pid) {
    List<Window> found = new ArrayList<>();
    windows.forEach(
        (handle, node) -> {
          if (node.parent() == 0 && node.pid() == pid) {
            found.add(new Window(handle));
          }
        });
    return found;
  }

  @Override
  public synchronized SendResult sendCopyData(
      Window window, long dwData, byte[] payload, int timeoutMillis) {
    Node node = windows.get(window.handle());
    String text = new String(payload, StandardCharsets.UTF_16LE);
    if (text.endsWith("\0")) {
      text = text.substring(0, text.length() - 1);
    }
    sent.add(
        new Sent("copydata", window.handle(), node == null ? -1 : node.pid(), dwData, text, 0));
    if (node == null) {
      return SendResult.failed(SendResult.ERROR_INVALID_WINDOW_HANDLE);
    }
    SendResult refused = refusals.get(node.pid());
    if (refused != null) {
      return refused;
    }
    List<Long> queued = copyDataResults.get(node.pid());
    return SendResult.delivered(queued == null || queued.isEmpty() ? 0 : queued.remove(0));
  }

  /** {@code WM_CLOSE} to a MicroSIP main window: {@code OnClose} → {@code DestroyWindow}, exit. */
  @Override
  public synchronized SendResult close(Window window, int timeoutMillis) {
    Node node = windows.get(window.handle());
    sent.add(new Sent("close", window.handle(), node == null ? -1 : node.pid(), 0, "", 0));
    if (node == null) {
      return SendResult.failed(SendResult.ERROR_INVALID_WINDOW_HANDLE);
    }
    SendResult refused = refusals.get(node.pid());
    if (refused != null) {
      return refused;
    }
    endProcess(node.pid());
    return SendResult.delivered(0);
  }

  /** A button press on a dialog: Decline of a ringing popup closes that popup. */
  @Override
  public synchronized SendResult clickButton(Window dialog, int controlId, int timeoutMillis) {
    Node node = windows.get(dialog.handle());
    sent.add(new Sent("click", dialog.handle(), node == null ? -1 : node.pid(), 0, "", controlId));
    if (node == null || dialogItem(dialog, controlId).isEmpty()) {
      return SendResult.failed(SendResult.ERROR_INVALID_WINDOW_HANDLE);
    }
    SendResult refused = refusals.get(node.pid());
    if (refused != null) {
      return refused;
    }
    if (controlId == IDC_DECLINE || controlId == IDC_ANSWER) {
      close(new Window(dialog.handle()));
    }
    return SendResult.delivered(0);
  }

  @Override
  public synchronized Optional<String> imageOf(long pid) {
    return Optional.ofNullable(images.get(pid));
  }
}
