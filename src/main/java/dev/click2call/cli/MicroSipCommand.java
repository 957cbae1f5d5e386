package dev.click2call.cli;

import dev.click2call.softphone.microsip.AccountSpec;
import dev.click2call.softphone.microsip.ChainedHooks;
import dev.click2call.softphone.microsip.HookInstaller;
import dev.click2call.softphone.microsip.HookValues;
import dev.click2call.softphone.microsip.MicroSipControl;
import dev.click2call.softphone.microsip.MicroSipIni;
import dev.click2call.softphone.microsip.Provisioner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code click2call microsip}: MicroSIP's hooks and accounts. */
@Command(
    name = "microsip",
    description = "Set up MicroSIP: event hooks and account provisioning.",
    subcommands = {MicroSipCommand.Hooks.class, MicroSipCommand.Provision.class})
public final class MicroSipCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code microsip hooks install|remove|status}. */
  @Command(
      name = "hooks",
      description = "Install, remove or show the cmd* hooks that report call events.",
      subcommands = {Hooks.Install.class, Hooks.Remove.class, Hooks.Status.class})
  static final class Hooks implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "install", description = "Make MicroSIP run click2call on every call event.")
    static final class Install implements Callable<Integer> {
      @Spec CommandSpec spec;

      @Option(
          names = "--launcher",
          description =
              "The click2call program MicroSIP should run (default: microsip.launcher"
                  + " setting, else the launcher next to this jar).")
      String launcher;

      @Override
      public Integer call() throws InterruptedException {
        CliContext context = new CliContext();
        MicroSipControl control = context.microsipControl();
        String program = launcher != null ? launcher : defaultLauncher(context);
        try {
          Map<String, String> chained =
              new HookInstaller(control, ChainedHooks.beside(context.dirs.userConfigFile()))
                  .install(program);
          PrintWriter out = spec.commandLine().getOut();
          out.printf("hooks installed in %s, running %s%n", control.install().ini(), program);
          chained.forEach(
              (key, value) -> out.printf("kept your %s, run after ours: %s%n", key, value));
          out.flush();
          return ExitCodes.OK;
        } catch (IOException | IllegalArgumentException e) {
          throw new CommandFailure(ExitCodes.FAILURE, e.getMessage());
        }
      }
    }

    @Command(name = "remove", description = "Remove the hooks, restoring your own commands.")
    static final class Remove implements Callable<Integer> {
      @Spec CommandSpec spec;

      @Override
      public Integer call() throws InterruptedException {
        CliContext context = new CliContext();
        MicroSipControl control = context.microsipControl();
        try {
          new HookInstaller(control, ChainedHooks.beside(context.dirs.userConfigFile())).remove();
          spec.commandLine().getOut().printf("hooks removed from %s%n", control.install().ini());
          spec.commandLine().getOut().flush();
          return ExitCodes.OK;
        } catch (IOException e) {
          throw new CommandFailure(ExitCodes.FAILURE, e.getMessage());
        }
      }
    }

    @Command(name = "status", description = "Show each hook key; exit 1 unless all are ours.")
    static final class Status implements Callable<Integer> {
      @Spec CommandSpec spec;

      @Override
      public Integer call() {
        CliContext context = new CliContext();
        MicroSipControl control = context.microsipControl();
        Path ini = control.install().ini();
        if (ini == null) {
          throw new CommandFailure(ExitCodes.FAILURE, "MicroSIP's ini is not known");
        }
        try {
          MicroSipIni loaded = MicroSipIni.load(ini);
          PrintWriter out = spec.commandLine().getOut();
          out.printf("ini: %s%n", ini);
          HookInstaller.states(loaded)
              .forEach(
                  (key, state) ->
                      out.printf(
                          "%s: %s%n",
                          key.iniKey(), state.name().toLowerCase(java.util.Locale.ROOT)));
          out.flush();
          return HookInstaller.allInstalled(loaded) ? ExitCodes.OK : ExitCodes.FAILURE;
        } catch (IOException e) {
          throw new CommandFailure(ExitCodes.FAILURE, e.getMessage());
        }
      }
    }
  }

  /**
   * The launcher: the setting, else the program next to the running jar: on Windows the native
   * {@code click2call-hook.exe} (never a .bat or .cmd, which would run through cmd.exe), elsewhere
   * {@code click2call}.
   */
  static String defaultLauncher(CliContext context) {
    try {
      String configured = context.settings.section("microsip").string("launcher", null);
      if (configured != null) {
        return configured;
      }
    } catch (dev.click2call.config.ConfigException e) {
      throw new CommandFailure(ExitCodes.BAD_SETTINGS, e.getMessage());
    }
    String[] names =
        dev.click2call.platform.Os.current() == dev.click2call.platform.Os.WINDOWS
            ? new String[] {HookValues.HOOK_PROGRAM}
            : new String[] {"click2call"};
    try {
      Path jar =
          Path.of(
              MicroSipCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path folder = jar.getParent();
      for (String name : names) {
        Path candidate = folder.resolve(name);
        if (Files.isRegularFile(candidate)) {
          return candidate.toString();
        }
        if (folder.getParent() != null
            && Files.isRegularFile(folder.getParent().resolve("bin").resolve(name))) {
          return folder.getParent().resolve("bin").resolve(name).toString();
        }
      }
    } catch (java.net.URISyntaxException | RuntimeException e) {
      // fall through to the error below
    }
    throw new CommandFailure(
        ExitCodes.USAGE,
        "no "
            + String.join(" or ", names)
            + " found next to the jar; pass --launcher PATH (on Windows: click2call-hook.exe)");
  }

  /** {@code microsip provision}: write an account into MicroSIP's ini. */
  @Command(
      name = "provision",
      description =
          "Write a SIP account into MicroSIP's ini. The password comes from standard input"
              + " (--password-stdin), an environment variable (--password-env) or the seed file;"
              + " never from the command line.")
  static final class Provision implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--from", description = "A seed file with an [Account] section.")
    Path from;

    @Option(names = "--server")
    String server;

    @Option(names = "--port")
    Integer port;

    @Option(names = "--domain")
    String domain;

    @Option(names = "--username")
    String username;

    @Option(names = "--auth-id")
    String authId;

    @Option(names = "--display-name")
    String displayName;

    @Option(names = "--proxy")
    String proxy;

    @Option(names = "--transport", description = "udp, tcp or tls")
    String transport;

    /** Taken only to refuse it without echoing it: argv is visible to every local user. */
    @Option(names = "--password", hidden = true)
    String passwordOnCommandLine;

    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean passwordStdin;

    @Option(
        names = "--password-env",
        paramLabel = "VAR",
        description = "Read the password from this environment variable.")
    String passwordEnv;

    @Option(
        names = "--account",
        defaultValue = "1",
        description = "Account number N of [AccountN] (default 1).")
    int account;

    @Option(names = "--no-activate", description = "Do not make it the active account.")
    boolean noActivate;

    @Override
    public Integer call() throws InterruptedException {
      if (passwordOnCommandLine != null) {
        throw new CommandFailure(
            ExitCodes.USAGE,
            "a password is never taken from the command line (other users can read it there);"
                + " use --password-stdin or --password-env VAR");
      }
      if (passwordStdin && passwordEnv != null) {
        throw new CommandFailure(
            ExitCodes.USAGE, "use either --password-stdin or --password-env, not both");
      }
      try {
        AccountSpec seed =
            from != null
                ? Provisioner.readSeed(from)
                : new AccountSpec(null, null, null, null, null, null, null, null, null);
        String password = seed.password();
        if (passwordStdin) {
          BufferedReader in =
              new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
          password = in.readLine();
          if (password == null) {
            throw new CommandFailure(ExitCodes.USAGE, "no password on standard input");
          }
        } else if (passwordEnv != null) {
          password = System.getenv(passwordEnv);
          if (password == null) {
            throw new CommandFailure(
                ExitCodes.USAGE, "environment variable " + passwordEnv + " is not set");
          }
        }
        AccountSpec spec0 =
            new AccountSpec(
                pick(server, seed.server()),
                port != null ? port : seed.port(),
                pick(domain, seed.domain()),
                pick(username, seed.username()),
                pick(authId, seed.authId()),
                password,
                pick(displayName, seed.displayName()),
                pick(proxy, seed.proxy()),
                pick(transport, seed.transport()));
        Path ini =
            new Provisioner(new CliContext().microsipControl())
                .provision(spec0, account, !noActivate);
        spec.commandLine().getOut().printf("account %d written to %s%n", account, ini);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
      } catch (IllegalArgumentException e) {
        throw new CommandFailure(ExitCodes.USAGE, e.getMessage());
      } catch (IOException e) {
        throw new CommandFailure(ExitCodes.FAILURE, e.getMessage());
      }
    }

    private static String pick(String flag, String fromSeed) {
      return flag != null ? flag : fromSeed;
    }
  }
}
