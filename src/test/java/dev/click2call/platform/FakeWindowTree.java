package dev.click2call.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A faithful stand-in for the Win32 window tree MicroSIP makes (microsip.md §2, §9): per process a
 * main window of class {@code MicroSIP} titled {@code MicroSIP - <label>} with a child status bar
 * ({@code msctls_statusbar32}, {@code WM_GETTEXT} = pane 0), top-level {@code #32770} popups titled
 * {@code Incoming Call}, one per ringing call; windows of other programs alongside; a process that
 * ends takes all its windows with it. Thread-safe (the adapter polls from its own thread).
 */
public final class FakeWindowTree implements WindowMessenger, ProcessImages {
  private record Node(long pid, String windowClass, long parent, String text) {}

  private final Map<Long, Node> windows = new LinkedHashMap<>(); // z-order: first is topmost
  private final Map<Long, String> images = new LinkedHashMap<>();
  private long nextHandle = 0x10010;

  /** Starts a MicroSIP process with its main window and status bar; returns the main window. */
  public synchronized Window startMicroSip(long pid, String image, String label) {
    images.put(pid, image);
    long main = add(new Node(pid, "MicroSIP", 0, "MicroSIP - " + label));
    add(new Node(pid, "msctls_statusbar32", main, "Connecting..."));
    add(new Node(pid, "tooltips_class32", 0, "")); // MFC makes these too
    return new Window(main);
  }

  /** Any other program's top-level window. */
  public synchronized Window openForeign(long pid, String image, String windowClass, String title) {
    images.put(pid, image);
    return new Window(add(new Node(pid, windowClass, 0, title)));
  }

  /** What {@code OnTimerCall}/{@code UpdateWindowText} write into pane 0. */
  public synchronized void setStatus(long pid, String text) {
    windows.replaceAll(
        (handle, node) ->
            node.pid() == pid && node.windowClass().equals("msctls_statusbar32")
                ? new Node(pid, node.windowClass(), node.parent(), text)
                : node);
  }

  /** A top-level dialog of the process (the ringing popup is IDD_RINGIN, class #32770). */
  public synchronized Window openDialog(long pid, String title) {
    return new Window(add(new Node(pid, "#32770", 0, title)));
  }

  public synchronized void close(Window window) {
    windows.remove(window.handle());
  }

  /** The process ends: every window it owned is gone. */
  public synchronized void endProcess(long pid) {
    windows.values().removeIf(node -> node.pid() == pid);
    images.remove(pid);
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
  public synchronized Optional<Window> findByClass(String windowClass) {
    return windows.entrySet().stream()
        .filter(e -> e.getValue().parent() == 0 && e.getValue().windowClass().equals(windowClass))
        .map(e -> new Window(e.getKey()))
        .findFirst();
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
  public boolean sendCopyData(Window window, long dwData, byte[] payload, int timeoutMillis) {
    return false;
  }

  @Override
  public synchronized Optional<String> imageOf(long pid) {
    return Optional.ofNullable(images.get(pid));
  }
}
