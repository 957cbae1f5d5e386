package dev.click2call.softphone.microsip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.click2call.ipc.HookEndpoints;
import dev.click2call.ipc.HookMessage;
import dev.click2call.platform.FakeWindowTree;
import dev.click2call.platform.Os;
import dev.click2call.platform.PollingWindowWatcher;
import dev.click2call.platform.Registry;
import dev.click2call.platform.SoftphoneWindowWatcher;
import dev.click2call.platform.SoftphoneWindows;
import dev.click2call.platform.Win32;
import dev.click2call.softphone.CallEvent;
import dev.click2call.softphone.SoftphoneListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window source (status bar, popups, process) merged with the hooks: hooks stay primary, the
 * windows add what hooks cannot say (hold, MicroSIP gone) and fill gaps only after the hooks had
 * {@link CallStateMerge#HOOK_GRACE_MILLIS} to speak; no duplicate and no out-of-order event.
 */
class MicroSipWindowMergeTest {
  private static final long PID = 4242;

  @TempDir Path dir;
  private Path exe;
  private FakeWindowTree tree;
  private SoftphoneWindowWatcher watcher;
  private MicroSipSoftphone adapter;
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<CallEvent> calls = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    exe = Files.createFile(dir.resolve("microsip.exe"));
    tree = new FakeWindowTree();
    watcher =
        new PollingWindowWatcher(
            tree,
            tree,
            "MicroSIP",
            exe.toString(),
            FakeWindowTree.IDC_ANSWER,
            FakeWindowTree.IDC_DECLINE);
    adapter = adapter(Optional.empty()); // polled by hand, with chosen times
    adapter.setListener(recorder());
    adapter.start();
  }

  @AfterEach
  void tearDown() {
    adapter.close();
  }

  private MicroSipSoftphone adapter(Optional<SoftphoneWindowWatcher> polling) {
    MicroSipControl control =
        new MicroSipControl(
            new MicroSipInstall(List.of(exe.toString()), dir.resolve("microsip.ini"), "test"),
            new Win32(tree, Registry.NONE, tree),
            Os.LINUX);
    return new MicroSipSoftphone(control, new HookEndpoints(dir.resolve("rt")), polling);
  }

  private SoftphoneListener recorder() {
    return new SoftphoneListener() {
      @Override
      public void onCall(CallEvent event) {
        calls.add(event);
        events.add(
            event.state().wire()
                + (event.onHold() ? " held" : "")
                + (event.reason() != null ? " (" + event.reason() + ")" : ""));
      }

      @Override
      public void onAvailability(String kind, boolean available) {
        events.add(kind + " available=" + available);
      }
    };
  }

  private void look(long at) {
    adapter.onWindows(watcher.poll().orElseThrow(), at);
  }

  private void hook(String event, String remote) {
    adapter.onHook(new HookMessage(event, remote));
  }

  @Test
  void hooksLeadAndTheStatusBarAddsHoldWithoutDuplicates() {
    long t = System.currentTimeMillis();
    tree.startMicroSip(PID, exe.toString(), "Desk 7");
    tree.setStatus(PID, "Online");
    look(t);
    hook("outgoing-call", "+4930123");
    tree.setStatus(PID, "Calling...");
    look(t + 100);
    tree.setStatus(PID, "Connected 0:00"); // seen before the (slow) hook arrives
    look(t + 200);
    look(t + 1200);
    hook("call-start", "+4930123");
    tree.setStatus(PID, "Connected 0:04");
    look(t + 4200);
    tree.setStatus(PID, "Hold 0:01 / 0:05");
    look(t + 5200);
    tree.setStatus(PID, "Hold 0:02 / 0:06");
    look(t + 6200);
    tree.setStatus(PID, "Connected 0:07");
    look(t + 7200);
    SoftphoneWindows beforeTheEnd = watcher.poll().orElseThrow(); // taken, processed late
    long lookedAt = System.currentTimeMillis();
    hook("call-end", "+4930123");
    adapter.onWindows(beforeTheEnd, lookedAt - 1);
    tree.setStatus(PID, "Online");
    look(System.currentTimeMillis() + 100);

    assertThat(events)
        .containsExactly("dialing", "connected", "connected held", "connected", "ended");
    assertThat(calls.get(2).remote()).isEqualTo("+4930123");
    assertThat(adapter.currentCall()).isEmpty();
  }

  @Test
  void whenTheHooksAreSilentTheTimerFillsTheGapOnceAndTheLateHookOnlyCompletesIt() {
    long t = System.currentTimeMillis();
    tree.startMicroSip(PID, exe.toString(), "Desk 7");
    tree.setStatus(PID, "Connected 0:02"); // host started mid-call; too young to trust
    look(t);
    assertThat(events).isEmpty();
    tree.setStatus(PID, "Connected 0:42");
    look(t);
    assertThat(events).containsExactly("connected");
    assertThat(adapter.currentCall().orElseThrow().since()).isEqualTo(t - 42_000);
    look(t + 1000);
    hook("call-start", "+4930999"); // a late hook for the same call
    assertThat(events).containsExactly("connected");
    assertThat(adapter.currentCall().orElseThrow().remote()).isEqualTo("+4930999");
    assertThat(adapter.currentCall().orElseThrow().since()).isEqualTo(t - 42_000);
    hook("call-end", "+4930999");
    assertThat(events).containsExactly("connected", "ended");
  }

  @Test
  void thePopupOfMicroSipsProcessMeansRingingWhenNoHookSaidSo() {
    long t = System.currentTimeMillis();
    tree.startMicroSip(PID, exe.toString(), "Desk 7");
    tree.setStatus(PID, "Online");
    tree.openForeign(99, "C:\\evil\\spoof.exe", "#32770", "Incoming Call");
    tree.openDialog(PID, "Settings");
    look(t);
    look(t + 5000);
    assertThat(events).isEmpty(); // neither another program's popup nor another dialog counts
    var popup = tree.openRinging(PID, "Incoming Call");
    look(t + 6000);
    look(t + 7000);
    assertThat(events).isEmpty(); // the hooks still have time
    look(t + 9000);
    assertThat(events).containsExactly("ringing");
    assertThat(calls.get(0).at()).isEqualTo(t + 6000);
    hook("call-ring", "+4930555"); // late: completes, does not repeat
    tree.close(popup);
    look(t + 10_000);
    assertThat(events).containsExactly("ringing");
    assertThat(adapter.currentCall().orElseThrow().remote()).isEqualTo("+4930555");
  }

  @Test
  void microSipEndingMidCallEndsTheCallOnceAndReportsAvailability() throws Exception {
    long t = System.currentTimeMillis();
    tree.startMicroSip(PID, exe.toString(), "Desk 7");
    look(t);
    hook("incoming-call", "+4930777");
    hook("call-ring", "+4930777");
    hook("call-start", "+4930777");
    tree.setStatus(PID, "Connected 0:09");
    look(t + 100);
    tree.endProcess(PID); // crashed or closed from the tray
    look(System.currentTimeMillis());
    hook("call-end", "+4930777"); // MicroSIP's own end hook during shutdown, arriving late
    look(System.currentTimeMillis());
    assertThat(events)
        .containsExactly("incoming", "ringing", "connected", "ended (softphone_exited)");
    assertThat(calls.get(3).remote()).isEqualTo("+4930777");

    Files.delete(exe); // uninstalled: gone and cannot be started
    look(System.currentTimeMillis());
    assertThat(adapter.available()).isFalse();
    look(System.currentTimeMillis());
    tree.startMicroSip(PID + 1, exe.toString(), "Desk 7"); // its window appears again
    look(System.currentTimeMillis());
    assertThat(adapter.available()).isTrue();
    assertThat(events.subList(4, events.size()))
        .containsExactly("microsip available=false", "microsip available=true");
  }

  @Test
  void thePollerRunsOnItsOwnThreadWhenAWatcherExists() throws Exception {
    tree.startMicroSip(PID, exe.toString(), "Desk 7");
    tree.setStatus(PID, "Connected 0:30");
    try (MicroSipSoftphone polled = adapter(Optional.of(watcher))) {
      polled.setListener(recorder());
      polled.start();
      awaitEvents(1);
      assertThat(events).containsExactly("connected");
      tree.setStatus(PID, "Hold 0:01 / 0:31");
      awaitEvents(2);
      Files.delete(exe);
      tree.endProcess(PID);
      awaitEvents(4);
      assertThat(events)
          .containsExactly(
              "connected",
              "connected held",
              "microsip available=false",
              "ended (softphone_exited)");
    }
  }

  private void awaitEvents(int count) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (events.size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(events).hasSizeGreaterThanOrEqualTo(count);
  }
}
