package dev.click2call.softphone.microsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.click2call.ipc.HookEndpoints;
import dev.click2call.platform.FakeWindowTree;
import dev.click2call.platform.Os;
import dev.click2call.platform.PollingWindowWatcher;
import dev.click2call.platform.Registry;
import dev.click2call.platform.Win32;
import dev.click2call.softphone.CallEvent;
import dev.click2call.softphone.SoftphoneListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defect 11.6: a Windows without AF_UNIX (before 10 1803) throws; the adapter must go on. */
class HooksUnavailableTest {
  @TempDir Path dir;

  @Test
  void withoutUnixDomainSocketsTheWindowWatcherStillStartsAndTheReasonIsKnown() throws Exception {
    Path exe = Files.createFile(dir.resolve("microsip.exe"));
    FakeWindowTree tree = new FakeWindowTree();
    tree.startMicroSip(4242, exe.toString(), "Desk 7");
    tree.setStatus(4242, "Connected 0:30");
    MicroSipControl control =
        new MicroSipControl(
            new MicroSipInstall(List.of(exe.toString()), dir.resolve("microsip.ini"), "test"),
            new Win32(tree, Registry.NONE, tree),
            Os.WINDOWS);
    List<CallEvent> events = new CopyOnWriteArrayList<>();
    try (MicroSipSoftphone phone =
        new MicroSipSoftphone(
            control,
            new HookEndpoints(dir.resolve("rt")),
            Optional.of(new PollingWindowWatcher(tree, tree, "MicroSIP", exe.toString())),
            (endpoints, onHook, state) -> {
              // what ServerSocketChannel.open(UNIX) throws there
              throw new UnsupportedOperationException("Unix domain sockets not supported");
            })) {
      phone.setListener(
          new SoftphoneListener() {
            @Override
            public void onCall(CallEvent event) {
              events.add(event);
            }

            @Override
            public void onAvailability(String kind, boolean available) {}
          });
      assertThatCode(phone::start).doesNotThrowAnyException();
      assertThat(phone.limitations()).anySatisfy(n -> assertThat(n).contains("hooks unavailable"));
      long deadline = System.currentTimeMillis() + 10_000;
      while (events.isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertThat(events).isNotEmpty(); // the window watcher runs: a connected call is seen
    }
  }
}
