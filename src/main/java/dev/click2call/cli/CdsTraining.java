package dev.click2call.cli;

import dev.click2call.Main;
import dev.click2call.config.Settings;
import dev.click2call.logging.LogSetup;
import dev.click2call.platform.Os;
import dev.click2call.platform.UserDirs;
import dev.click2call.softphone.Softphone;
import dev.click2call.softphone.SoftphoneProbe;
import dev.click2call.softphone.SoftphoneSelector;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The process {@code cds-archive} records, so that the archive holds what a session on this
 * computer uses and little else (every archived class costs memory in every launch): the softphone
 * adapter the recording command chose, started until it is reachable (at most 3 s, then half a
 * second for what it does right after connecting) and closed, without a request (never a call);
 * where MicroSIP is the softphone, the hook runner's path (what MicroSIP waits for on every call
 * event), delivered to the endpoint the recording command listens on, as in real use; then host
 * mode as a browser starts it, with no softphone, through a typical session's requests (which exits
 * the JVM, and the archive is written). The launchers pass the same JVM options to every command,
 * so one archive serves them all.
 */
public final class CdsTraining {
  /** The softphone choice ({@code CLICK2CALL_SOFTPHONE}) the recording is for. */
  static final String SOFTPHONE_PROPERTY = "click2call.training.softphone";

  private CdsTraining() {}

  public static void main(String[] args) {
    String softphone = System.getProperty(SOFTPHONE_PROPERTY, "auto");
    // As in a host, where the softphone starts after logging is set up: the JVM's default console
    // handler (with its locale data) is no part of a real session.
    LogSetup.configure(UserDirs.current().logDir(), "info");
    exerciseSoftphone(softphone);
    if (softphone.equals("microsip") || (softphone.equals("auto") && Os.current() == Os.WINDOWS)) {
      HookCommand.runFast(List.of("call-end", "+15550104477"));
    }
    // The recording overrides every folder (its scratch space); a real launch computes them, and
    // those classes (the switch maps of UserDirs) belong in the archive too.
    UserDirs defaults =
        new UserDirs(Os.current(), Map.of(), Path.of(System.getProperty("user.home")));
    defaults.logDir();
    defaults.userConfigFile();
    defaults.systemConfigFile();
    defaults.runtimeDir();
    Main.main(args);
  }

  /** Starts the chosen adapter with default settings and waits until it is reachable. */
  private static void exerciseSoftphone(String choice) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("CLICK2CALL_SOFTPHONE", choice);
    try (Softphone softphone = SoftphoneSelector.select(Settings.defaults(), env)) {
      if (SoftphoneProbe.startAndAwait(softphone, 3000)) {
        // What an adapter does right after connecting (baresip: reading back the registration).
        Thread.sleep(500);
      }
      softphone.currentCall();
      softphone.registration();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // nothing more to record: no softphone here, or one that cannot be started
    }
  }
}
