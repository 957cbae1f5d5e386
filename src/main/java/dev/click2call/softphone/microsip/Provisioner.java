package dev.click2call.softphone.microsip;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an account into MicroSIP's ini ({@code [AccountN]}, {@code accountId} in {@code
 * [Settings]}), keeping everything else. The password is never logged.
 */
public final class Provisioner {
  private final MicroSipControl control;

  public Provisioner(MicroSipControl control) {
    this.control = control;
  }

  /**
   * @return the ini file written
   */
  public Path provision(AccountSpec account, int number, boolean activate)
      throws IOException, InterruptedException {
    account.validate();
    if (number < 1 || number > 99) {
      throw new IllegalArgumentException("the account number must be from 1 to 99");
    }
    String section = "Account" + number;
    new IniEditor(control)
        .edit(
            ini -> {
              for (Map.Entry<String, String> key : account.microSipKeys().entrySet()) {
                ini.put(section, key.getKey(), key.getValue());
              }
              if (activate) {
                ini.put(HookInstaller.SETTINGS, "accountId", String.valueOf(number));
              }
              return null;
            });
    return control.install().ini();
  }

  /** Reads the seed's {@code [Account]} section (UTF-16LE, UTF-8 or ANSI; size-capped). */
  public static AccountSpec readSeed(Path file) throws IOException {
    MicroSipIni seed = MicroSipIni.load(file);
    if (!seed.hasSection("Account")) {
      throw new IOException(file + " has no [Account] section");
    }
    Optional<String> port = seed.get("Account", "Port").filter(p -> !p.isBlank());
    Integer portNumber = null;
    if (port.isPresent()) {
      try {
        portNumber = Integer.valueOf(port.get().strip());
      } catch (NumberFormatException e) {
        throw new IOException(file + ", key Port: not a number");
      }
    }
    return new AccountSpec(
        value(seed, "Server"),
        portNumber,
        value(seed, "Domain"),
        value(seed, "Username"),
        value(seed, "AuthID"),
        seed.get("Account", "Password").orElse(null),
        value(seed, "DisplayName"),
        value(seed, "Proxy"),
        value(seed, "Transport"));
  }

  private static String value(MicroSipIni seed, String key) {
    return seed.get("Account", key).map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
  }
}
