package dev.click2call.softphone.baresip;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line that starts baresip so that it hangs up (BYE/CANCEL) and exits when the host
 * dies in any way, even SIGKILL. On Linux, baresip runs under a one-thread keeper, both through
 * util-linux's {@code setpriv}:
 *
 * <pre>
 * setpriv --pdeathsig KILL -- /bin/sh -c '"$@" &amp; wait $!' keeper \
 *     setpriv --pdeathsig TERM -- baresip -f &lt;dir&gt;
 * </pre>
 *
 * The kernel sends the parent-death signal each time the thread a child belongs to ends, and a
 * killed JVM ends its threads one by one: a baresip started by the JVM itself got several SIGTERMs
 * microseconds apart, and baresip dies at once on the second (its handler is reset to the default
 * while it runs) before its BYE or CANCEL is sent. The keeper has one thread: the host's death
 * kills it, however often, and its death sends baresip exactly one SIGTERM. It waits for baresip
 * and exits with its status. Without setpriv or a shell (and off Linux) baresip is started directly
 * and outlives a killed host.
 */
record ParentDeathLaunch(List<String> command, boolean kept) {
  private static final List<String> BIN_DIRS = List.of("/usr/bin", "/bin", "/usr/sbin");
  static final String KEEPER_SCRIPT = "\"$@\" & wait $!";

  static ParentDeathLaunch of(Path executable, Path configDir) {
    List<String> baresip = List.of(executable.toString(), "-f", configDir.toString());
    Path setpriv = find("setpriv");
    Path shell = Path.of("/bin/sh");
    if (setpriv == null || !Files.isExecutable(shell)) {
      return new ParentDeathLaunch(baresip, false);
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                setpriv.toString(),
                "--pdeathsig",
                "KILL",
                "--",
                shell.toString(),
                "-c",
                KEEPER_SCRIPT,
                "keeper",
                setpriv.toString(),
                "--pdeathsig",
                "TERM",
                "--"));
    command.addAll(baresip);
    return new ParentDeathLaunch(List.copyOf(command), true);
  }

  private static Path find(String name) {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return null;
    }
    for (String dir : BIN_DIRS) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
