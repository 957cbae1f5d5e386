package dev.click2call.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PollingWindowWatcherTest {
  private static final String EXE = "C:\\Users\\a\\AppData\\Local\\MicroSIP\\microsip.exe";

  private static SoftphoneWindows poll(FakeWindowTree tree) {
    return new PollingWindowWatcher(
            tree, tree, "MicroSIP", EXE, FakeWindowTree.IDC_ANSWER, FakeWindowTree.IDC_DECLINE)
        .poll()
        .orElseThrow();
  }

  @Test
  void readsTheStatusBarAndOnlyTheRingingPopupsOfMicroSipsOwnProcess() {
    FakeWindowTree tree = new FakeWindowTree();
    tree.startMicroSip(4242, EXE.toUpperCase(java.util.Locale.ROOT), "Desk 7");
    tree.setStatus(4242, "Connected 0:12");
    tree.openRinging(4242, "Incoming Call");
    tree.openDialog(4242, "Incoming Call"); // a dialog without the popup's controls is not one
    // Another program's dialog with the same title is not MicroSIP's popup.
    tree.openForeign(777, "C:\\Other\\spoof.exe", "#32770", "Incoming Call");
    SoftphoneWindows windows = poll(tree);
    assertThat(windows.running()).isTrue();
    assertThat(windows.pid()).isEqualTo(4242);
    assertThat(windows.statusText()).isEqualTo("Connected 0:12");
    assertThat(windows.ringingPopups()).isEqualTo(1);
  }

  /** Defect 11.9: a translated MicroSIP's popup is found by its controls, not its caption. */
  @Test
  void aTranslatedRingingPopupIsFoundByItsControls() {
    FakeWindowTree tree = new FakeWindowTree();
    tree.startMicroSip(4242, EXE, "Platz 7");
    tree.openRinging(4242, "Eingehender Anruf");
    assertThat(poll(tree).ringingPopups()).isEqualTo(1);
  }

  @Test
  void aMicroSipOfAnotherExecutableOrNoneAtAllIsNotRunning() {
    FakeWindowTree tree = new FakeWindowTree();
    assertThat(poll(tree)).isEqualTo(SoftphoneWindows.GONE);
    tree.startMicroSip(5, "D:\\portable\\microsip.exe", "Other");
    assertThat(poll(tree).running()).isFalse();
  }

  /** Defect 11.12: a second copy's window in front does not hide ours. */
  @Test
  void ourCopyIsFoundBehindAnotherCopysWindow() {
    FakeWindowTree tree = new FakeWindowTree();
    tree.startMicroSip(10, EXE.replace("microsip.exe", "MicroSIP.EXE"), "Desk 7");
    tree.setStatus(10, "Connected 0:05");
    tree.startMicroSip(5, "D:\\portable\\microsip.exe", "Other"); // in front
    SoftphoneWindows windows = poll(tree);
    assertThat(windows.running()).isTrue();
    assertThat(windows.pid()).isEqualTo(10);
    assertThat(windows.statusText()).isEqualTo("Connected 0:05");
  }

  @Test
  void popupsComeAndGoAndTheProcessEndingTakesEverything() {
    FakeWindowTree tree = new FakeWindowTree();
    tree.startMicroSip(10, EXE, "Desk 7");
    var first = tree.openRinging(10, "Incoming Call");
    tree.openRinging(10, "Incoming Call");
    assertThat(poll(tree).ringingPopups()).isEqualTo(2);
    tree.close(first);
    assertThat(poll(tree).ringingPopups()).isEqualTo(1);
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
