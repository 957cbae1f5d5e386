package dev.click2call.softphone.microsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.click2call.platform.FakeWindowTree;
import dev.click2call.platform.FileVersions;
import dev.click2call.platform.InstalledProducts;
import dev.click2call.platform.Os;
import dev.click2call.platform.ProcessStarter;
import dev.click2call.platform.Registry;
import dev.click2call.platform.Win32;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MicroSipControl} on Windows, against a window tree that answers as Windows and MicroSIP do
 * (microsip.md §1.3, §10): full results, "not ready", timeouts, UIPI, several copies.
 */
class MicroSipControlWindowsTest {
  private static final String EXE = "C:\\Users\\ann\\AppData\\Local\\MicroSIP\\microsip.exe";
  private static final long PID = 4242;

  private final FakeWindowTree tree = new FakeWindowTree();
  private final List<String> started = new CopyOnWriteArrayList<>();
  private final List<Path> folders = new CopyOnWriteArrayList<>();

  @TempDir Path dir;

  private MicroSipControl control(String exe) {
    ProcessStarter recording =
        (command, folder) -> {
          started.add(String.join(" ", command));
          folders.add(folder);
          return new ProcessStarter.Started(99, null);
        };
    Win32 win32 =
        new Win32(
            tree, Registry.NONE, tree, recording, InstalledProducts.NONE, FileVersions.NONE, null);
    return new MicroSipControl(
        new MicroSipInstall(List.of(exe), dir.resolve("microsip.ini"), "test"), win32, Os.WINDOWS);
  }

  private List<String> copyData() {
    return tree.sent().stream()
        .filter(s -> s.kind().equals("copydata"))
        .map(s -> s.text())
        .toList();
  }

  /** Defect 11.1: /exit is a switch only on MicroSIP's command line; WM_CLOSE stops it. */
  @Test
  void stopClosesTheVerifiedWindowAndNeverSendsExitAsACommand() throws Exception {
    tree.startMicroSip(PID, EXE, "Desk 7");
    assertThat(control(EXE).stop(3000)).isTrue();
    assertThat(copyData()).isEmpty(); // "/exit" by WM_COPYDATA would be dialed
    assertThat(tree.sent()).extracting(FakeWindowTree.Sent::kind).containsExactly("close");
    assertThat(started).isEmpty();
  }

  /** Defect 11.2: TRUE means MicroSIP's SIP stack is not running and it dropped the command. */
  @Test
  void aNotReadyMicroSipIsAskedAgainUntilItTakesTheCommand() throws Exception {
    tree.startMicroSip(PID, EXE, "Desk 7");
    tree.copyDataResults(PID, 1L, 1L);
    control(EXE).send("+4930123");
    assertThat(copyData()).containsExactly("+4930123", "+4930123", "+4930123");
    assertThat(started).isEmpty();
  }

  @Test
  void aMicroSipThatStaysNotReadyIsAnErrorNotASuccess() {
    tree.startMicroSip(PID, EXE, "Desk 7");
    tree.copyDataResults(PID, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L);
    assertThatThrownBy(() -> control(EXE).notReadyRetry(600).send("+4930123"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("starting or restarting");
    assertThat(started).isEmpty();
  }

  /** Defect 11.2: a timed-out message may still run; sending it again doubles DTMF or hold. */
  @Test
  void aTimeoutIsReportedAndTheCommandIsNeverSentTwiceNorIsMicroSipStarted() {
    tree.startMicroSip(PID, EXE, "Desk 7");
    tree.hang(PID); // its UI thread waits for a hook program
    assertThatThrownBy(() -> control(EXE).send("/dtmf:1"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("did not answer")
        .hasMessageContaining("not repeated");
    assertThat(copyData()).containsExactly("/dtmf:1");
    assertThat(started).isEmpty(); // a second instance would forward it again
  }

  /** Defect 11.10: UIPI refuses messages to an elevated MicroSIP; the user is told. */
  @Test
  void anElevatedMicroSipIsReportedNotSilentlyMissed() throws Exception {
    tree.startMicroSip(PID, EXE, "Desk 7");
    tree.elevate(PID);
    MicroSipControl control = control(EXE);
    assertThatThrownBy(() -> control.send("+4930123"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("administrator")
        .hasMessageContaining("UIPI");
    assertThatThrownBy(() -> control.stop(500)).hasMessageContaining("administrator");
    assertThat(started).isEmpty();
  }

  /** Defect 11.12: another copy's window in front; ours found by image, case-insensitively. */
  @Test
  void theCommandGoesToOurCopyBehindAnotherAndNothingIsStarted() throws Exception {
    var ours = tree.startMicroSip(PID, EXE.toUpperCase(java.util.Locale.ROOT), "Desk 7");
    tree.startMicroSip(5, "D:\\Portable\\microsip.exe", "Other");
    MicroSipControl control = control(EXE.replace('\\', '/'));
    assertThat(control.isRunning()).isTrue();
    control.send("+4930123");
    assertThat(tree.sent()).hasSize(1);
    assertThat(tree.sent().get(0).window()).isEqualTo(ours.handle());
    assertThat(started).isEmpty();
  }

  @Test
  void onlyAnotherCopyRunningMeansOursIsStartedWithTheCommand() throws Exception {
    tree.startMicroSip(5, "D:\\Portable\\microsip.exe", "Other");
    control(EXE).send("+4930123");
    assertThat(copyData()).isEmpty();
    assertThat(started).containsExactly(EXE + " +4930123");
  }

  /** Defect 11.4: started through the platform starter, in MicroSIP's own folder. */
  @Test
  void microSipIsStartedInItsOwnFolderThroughThePlatformStarter() throws Exception {
    Path exe = Files.createFile(dir.resolve("microsip.exe"));
    control(exe.toString()).start();
    assertThat(started).containsExactly(exe + " /minimized");
    assertThat(folders).containsExactly(dir);
  }

  /** Defect 11.3 (older versions): Decline pressed on each ringing popup, in any language. */
  @Test
  void declinePressesTheButtonOfEachRingingPopupOfOurProcess() throws Exception {
    tree.startMicroSip(PID, EXE, "Platz 7");
    tree.openRinging(PID, "Eingehender Anruf");
    tree.openRinging(PID, "Eingehender Anruf");
    tree.openDialog(PID, "Einstellungen");
    tree.openForeign(77, "C:\\Other\\spoof.exe", "#32770", "Incoming Call");
    assertThat(control(EXE).pressDecline()).isEqualTo(2);
    assertThat(tree.sent())
        .allSatisfy(
            s -> {
              assertThat(s.kind()).isEqualTo("click");
              assertThat(s.pid()).isEqualTo(PID);
              assertThat(s.control()).isEqualTo(FakeWindowTree.IDC_DECLINE);
            })
        .hasSize(2);
    assertThat(control(EXE).pressDecline()).isZero(); // both popups closed
  }
}
