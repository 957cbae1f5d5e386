package dev.click2call.softphone.microsip;

import static dev.click2call.emulator.EmulatorFixture.kind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.click2call.emulator.EmulatorFixture;
import dev.click2call.emulator.EmulatorWindows;
import dev.click2call.ipc.HookEndpoints;
import dev.click2call.platform.FileVersions;
import dev.click2call.platform.InstalledProducts;
import dev.click2call.platform.Os;
import dev.click2call.platform.ProcessStarter;
import dev.click2call.platform.Registry;
import dev.click2call.platform.Win32;
import dev.click2call.softphone.SoftphoneException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Windows code paths of {@link MicroSipControl} and {@link MicroSipSoftphone} against the
 * emulated MicroSIP seen through {@link EmulatorWindows}: WM_COPYDATA replies and timeouts,
 * WM_CLOSE, the UI thread blocked by a hook, "not ready" after start, the 3.20 command set, the
 * popups.
 */
class MicroSipWindowsEmulatorTest {
  private static MicroSipControl windowsControl(EmulatorFixture emulator) {
    EmulatorWindows windows = new EmulatorWindows(emulator.dir());
    Win32 win32 =
        new Win32(
            windows,
            Registry.NONE,
            windows,
            ProcessStarter.JDK,
            InstalledProducts.NONE,
            FileVersions.NONE,
            null);
    return new MicroSipControl(
        new MicroSipInstall(List.of(emulator.exe().toString()), emulator.ini(), "test"),
        win32,
        Os.WINDOWS);
  }

  private static void configure(EmulatorFixture emulator, String properties) throws IOException {
    Files.writeString(emulator.dir().resolve("emulator.properties"), properties);
  }

  private static long count(EmulatorFixture emulator, String kind, String key, Object value)
      throws IOException {
    return emulator.journal().stream()
        .filter(kind(kind))
        .filter(e -> value.equals(e.get(key)))
        .count();
  }

  /** Defect 11.1: provisioning around a running MicroSIP stops it the way it really stops. */
  @Test
  void provisioningStopsARunningMicroSipWithWmCloseNotByDialingExit() throws Exception {
    try (EmulatorFixture emulator = EmulatorFixture.create()) {
      emulator.writeIni("[Settings]", "accountId=1");
      emulator.launch("/minimized");
      emulator.awaitRunning(30_000);
      MicroSipControl control = windowsControl(emulator);
      assertThat(control.isRunning()).isTrue();
      new Provisioner(control)
          .provision(
              new AccountSpec("sip.example.com", null, null, "1001", null, "pw", null, null, null),
              2,
              true);
      emulator.await(kind("start").and(e -> "2".equals(e.get("accountId"))), 30_000);
      assertThat(count(emulator, "wm-close", "kind", "wm-close")).isEqualTo(1);
      assertThat(emulator.journal().stream().filter(kind("call"))).isEmpty(); // no "/exit" dialed
    }
  }

  /**
   * Defect 11.2: while a hook runs MicroSIP's UI thread is blocked, the message times out; the host
   * reports it and never sends again (a second instance would forward it: DTMF twice).
   */
  @Test
  void aTimedOutCommandIsReportedAndRunsExactlyOnce() throws Exception {
    try (EmulatorFixture emulator = EmulatorFixture.create()) {
      emulator.writeIni("[Settings]", "singleMode=1", "cmdOutgoingCall=/bin/sleep 4");
      emulator.launch("/minimized");
      emulator.awaitRunning(30_000);
      MicroSipControl control = windowsControl(emulator);
      control.send("+4930123"); // queued (dwData=2): returns before the call and its slow hook
      emulator.await(kind("call"), 10_000);
      assertThatThrownBy(() -> control.send("/dtmf:1"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("did not answer");
      emulator.await(kind("hook"), 15_000);
      emulator.await(kind("dtmf"), 15_000); // the timed-out message still runs, once
      Thread.sleep(1500);
      assertThat(count(emulator, "dtmf", "digits", "1")).isEqualTo(1);
      assertThat(emulator.journal().stream().filter(kind("launch"))).hasSize(1);
    }
  }

  /** Defect 11.2: right after start MicroSIP answers TRUE and drops commands; asked again. */
  @Test
  void aCommandDroppedWhileMicroSipStartsIsSentAgainUntilTaken() throws Exception {
    try (EmulatorFixture emulator = EmulatorFixture.create()) {
      configure(emulator, "notReadyMillis=2500\n");
      emulator.writeIni("[Settings]");
      emulator.launch("/minimized");
      emulator.awaitRunning(30_000);
      windowsControl(emulator).send("+4930123");
      assertThat(emulator.journal().stream().filter(kind("copydata-dropped"))).isNotEmpty();
      emulator.await(kind("call"), 10_000);
      assertThat(count(emulator, "call", "number", "+4930123")).isEqualTo(1);
    }
  }

  /**
   * Defect 11.3: 3.20.5 has no /hangupincoming (it would be dialed); the Decline button of its
   * Incoming Call popup is pressed instead.
   */
  @Test
  void declineOnMicroSip320PressesTheDeclineButtonInsteadOfDialingTheSwitch() throws Exception {
    try (EmulatorFixture emulator = EmulatorFixture.create()) {
      configure(emulator, "version=3.20.5\n");
      emulator.writeIni("[Settings]");
      emulator.launch("/minimized");
      emulator.awaitRunning(30_000);
      assertThat(emulator.control("incoming", "+4930555")).isEqualTo("ok");
      MicroSipControl control =
          new MicroSipControl(
              windowsControl(emulator).install(),
              new Win32(
                  new EmulatorWindows(emulator.dir()),
                  Registry.NONE,
                  new EmulatorWindows(emulator.dir()),
                  ProcessStarter.JDK,
                  InstalledProducts.NONE,
                  file -> Optional.of("3.20.5.0"), // its version resource
                  null),
              Os.WINDOWS);
      try (MicroSipSoftphone phone =
          new MicroSipSoftphone(control, new HookEndpoints(emulator.dir().resolve("rt")))) {
        assertThat(phone.version().hasHangupIncoming()).isFalse();
        phone.decline();
      }
      emulator.await(kind("ended").and(e -> Integer.valueOf(486).equals(e.get("status"))), 10_000);
      assertThat(emulator.journal().stream().filter(kind("call"))).isEmpty();
      assertThat(count(emulator, "click", "control", 1032)).isEqualTo(1);
    }
  }

  /** 3.22 writes its version into the ini and has /hangupincoming. */
  @Test
  void declineOnMicroSip322SendsHangupIncoming() throws Exception {
    try (EmulatorFixture emulator = EmulatorFixture.create()) {
      emulator.writeIni("[Settings]");
      emulator.launch("/minimized");
      emulator.awaitRunning(30_000);
      emulator.control("incoming", "+4930555");
      try (MicroSipSoftphone phone =
          new MicroSipSoftphone(
              windowsControl(emulator), new HookEndpoints(emulator.dir().resolve("rt")))) {
        assertThat(phone.version().text()).isEqualTo("3.22.3");
        phone.decline();
      }
      emulator.await(kind("ended").and(e -> Integer.valueOf(603).equals(e.get("status"))), 10_000);
      assertThat(emulator.journal().stream().filter(kind("click"))).isEmpty();
    }
  }

  /** Without window access (Wine, Linux) an old MicroSIP's decline is refused, never dialed. */
  @Test
  void declineOnAnOldMicroSipWithoutWindowsIsRefusedNotDialed() throws Exception {
    try (EmulatorFixture emulator = EmulatorFixture.create()) {
      configure(emulator, "version=3.20.5\n");
      emulator.writeIni("[Settings]");
      emulator.launch("/minimized");
      emulator.awaitRunning(30_000);
      emulator.control("incoming", "+4930555");
      MicroSipControl control =
          new MicroSipControl(windowsControl(emulator).install(), Win32.forOs(Os.LINUX), Os.LINUX);
      try (MicroSipSoftphone phone =
          new MicroSipSoftphone(control, new HookEndpoints(emulator.dir().resolve("rt")))) {
        assertThatThrownBy(phone::decline)
            .isInstanceOf(SoftphoneException.class)
            .hasMessageContaining("no /hangupincoming");
      }
      Thread.sleep(3000); // a started second instance would have forwarded it by now
      assertThat(emulator.journal().stream().filter(kind("launch")).map(e -> e.get("tail")))
          .containsExactly("/minimized");
    }
  }

  /** Defect 11.4: MicroSIP runs in its own folder, never in the host's (upgrades, uninstall). */
  @Test
  void microSipIsStartedInItsOwnFolder() throws Exception {
    try (EmulatorFixture emulator = EmulatorFixture.create()) {
      emulator.writeIni("[Settings]");
      MicroSipControl control =
          new MicroSipControl(windowsControl(emulator).install(), Win32.forOs(Os.LINUX), Os.LINUX);
      control.start();
      Map<String, Object> launch = emulator.await(kind("launch"), 30_000);
      assertThat(launch.get("cwd")).isEqualTo(emulator.dir().toRealPath().toString());
    }
  }
}
