package dev.click2call.install;

import java.util.List;
import java.util.Optional;

/**
 * The policies that decide whether a browser may start the host, as read from the registry or
 * managed policy files. Empty means "not set" (the browser's default applies).
 *
 * @param sources where the values were read (files or registry keys), for the report
 * @param unreadable policy files the browser would ignore (invalid JSON), with the reason
 */
public record BrowserPolicies(
    Optional<Boolean> userLevelHosts,
    List<String> blocklist,
    List<String> allowlist,
    Optional<Integer> disableCmd,
    Optional<Boolean> launchExesDirectly,
    List<String> sources,
    List<String> unreadable) {

  public static final BrowserPolicies NONE =
      new BrowserPolicies(
          Optional.empty(),
          List.of(),
          List.of(),
          Optional.empty(),
          Optional.empty(),
          List.of(),
          List.of());

  /** Whether the blocklist stops this host and the allowlist does not exempt it. */
  public boolean blocks(String hostName) {
    boolean listed = blocklist.contains("*") || blocklist.contains(hostName);
    return listed && !allowlist.contains(hostName);
  }

  /** Whether user-level manifests (HKCU, home folder) are ignored. */
  public boolean userLevelHostsDisabled() {
    return userLevelHosts.filter(allowed -> !allowed).isPresent();
  }
}
