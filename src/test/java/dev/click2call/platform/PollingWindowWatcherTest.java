package dev.click2call.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PollingWindowWatcherTest {
  private static final String EXE = "C:\\Users\\a\\AppData\\Local\\MicroSIP\\microsip.exe";

  private static SoftphoneWindows poll(FakeWindowTree tree) {
    return new PollingWindowWatcher(tree, tree, "MicroSIP", EXE).poll().orElseThrow();
  }

  @Test
  void readsTheStatusBarAndOnlyTheDialogsOfMicroSipsOwnProcess() {
    FakeWindowTree tree = new FakeWindowTree();
    tree.startMicroSip(4242, EXE.toUpperCase(java.util.Locale.ROOT), "Desk 7");
    tree.setStatus(4242, "Connected 0:12");
    tree.openDialog(4242, "Incoming Call");
    // Another program's dialog with the same title is not MicroSIP's popup.
    tree.openForeign(777, "C:\\Other\\spoof.exe", "#32770", "Incoming Call");
    SoftphoneWindows windows = poll(tree);
    assertThat(windows.running()).isTrue();
    assertThat(windows.pid()).isEqualTo(4242);
    assertThat(windows.statusText()).isEqualTo("Connected 0:12");
    assertThat(windows.dialogTitles()).containsExactly("Incoming Call");
  }

  @Test
  void aMicroSipOfAnotherExecutableOrNoneAtAllIsNotRunning() {
    FakeWindowTree tree = new FakeWindowTree();
    assertThat(poll(tree)).isEqualTo(SoftphoneWindows.GONE);
    tree.startMicroSip(5, "D:\\portable\\microsip.exe", "Other");
    assertThat(poll(tree).running()).isFalse();
  }

  @Test
  void popupsComeAndGoAndTheProcessEndingTakesEverything() {
    FakeWindowTree tree = new FakeWindowTree();
    tree.startMicroSip(10, EXE, "Desk 7");
    var first = tree.openDialog(10, "Incoming Call");
    tree.openDialog(10, "Incoming Call");
    assertThat(poll(tree).dialogTitles()).containsExactly("Incoming Call", "Incoming Call");
    tree.close(first);
    assertThat(poll(tree).dialogTitles()).hasSize(1);
    tree.endProcess(10);
    assertThat(poll(tree)).isEqualTo(SoftphoneWindows.GONE);
  }

  @Test
  void theWatcherExistsOnlyWhereThereAreWindows() {
    assertThat(Win32.forOs(Os.LINUX).windowWatcher("MicroSIP", EXE)).isEmpty();
    assertThat(Win32.forOs(Os.MACOS).windowWatcher("MicroSIP", EXE)).isEmpty();
    FakeWindowTree tree = new FakeWindowTree();
    assertThat(new Win32(tree, Registry.NONE, tree).windowWatcher("MicroSIP", EXE)).isPresent();
  }
}
